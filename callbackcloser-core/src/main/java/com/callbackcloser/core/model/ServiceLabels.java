package com.callbackcloser.core.model;

import java.util.List;
import java.util.Objects;

/** The three services a caller picks from by replying 1, 2 or 3. */
public record ServiceLabels(String first, String second, String third) {
    public static final int MAX_LENGTH = 40;
    public static final ServiceLabels DEFAULTS = new ServiceLabels("Repair", "Install", "Maintenance");

    public ServiceLabels {
        for (String label : List.of(
                Objects.requireNonNull(first, "first"),
                Objects.requireNonNull(second, "second"),
                Objects.requireNonNull(third, "third"))) {
            if (label.isBlank() || label.length() > MAX_LENGTH) {
                throw new InvalidInputException(
                        "serviceLabels", "a service label has 1 to " + MAX_LENGTH + " characters");
            }
            if (Strings.hasForbiddenCharacter(label)) {
                throw new InvalidInputException(
                        "serviceLabels", "a service label has no control characters or noncharacters");
            }
        }
    }

    /** Exactly three labels, in reply order. */
    public static ServiceLabels fromList(List<String> labels) {
        if (labels == null || labels.size() != 3 || labels.contains(null)) {
            throw new InvalidInputException("serviceLabels", "service labels are exactly three");
        }
        return new ServiceLabels(
                labels.get(0).strip(), labels.get(1).strip(), labels.get(2).strip());
    }

    /** The label chosen by a reply of 1, 2 or 3. */
    public String byNumber(int choice) {
        return switch (choice) {
            case 1 -> first;
            case 2 -> second;
            case 3 -> third;
            default -> throw new IllegalArgumentException("no service number " + choice);
        };
    }
}
