package com.callbackcloser.api.views;

import com.callbackcloser.core.model.BusinessWithRole;
import com.callbackcloser.core.port.in.ResourceNotFoundException;
import com.callbackcloser.core.service.OwnerBusinessService;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * What every signed-in page needs: the user's businesses (through the same core service as
 * {@code GET /api/businesses}), the one the page is about, and the chrome around it.
 */
final class Pages {
    private final OwnerBusinessService businesses;
    private final boolean development;
    private final boolean simulatedTexts;
    private final int refreshSeconds;
    private final Clock clock;

    Pages(
            OwnerBusinessService businesses,
            boolean development,
            boolean simulatedTexts,
            int refreshSeconds,
            Clock clock) {
        this.businesses = businesses;
        this.development = development;
        this.simulatedTexts = simulatedTexts;
        this.refreshSeconds = refreshSeconds;
        this.clock = clock;
    }

    /** The user's businesses by name, and the current one (null when they have none). */
    record Selection(List<BusinessWithRole> all, BusinessWithRole current) {
        Optional<BusinessWithRole> currentIfAny() {
            return Optional.ofNullable(current);
        }
    }

    /**
     * The business a page is about: the one asked for (404 unless the user is its member, as in the API), else
     * the first by name.
     */
    Selection select(DashboardUser user, String requested) {
        List<BusinessWithRole> mine = businesses.listMine(user.actor()).stream()
                .sorted(Comparator.comparing(
                                (BusinessWithRole b) -> b.business().name().toLowerCase(Locale.ROOT))
                        .thenComparing(b -> b.business().id()))
                .toList();
        if (requested == null || requested.isBlank()) {
            return new Selection(mine, mine.isEmpty() ? null : mine.get(0));
        }
        UUID id;
        try {
            id = UUID.fromString(requested.strip());
        } catch (IllegalArgumentException e) {
            throw new ResourceNotFoundException("business");
        }
        return mine.stream()
                .filter(business -> business.business().id().equals(id))
                .findFirst()
                .map(current -> new Selection(mine, current))
                .orElseThrow(() -> new ResourceNotFoundException("business"));
    }

    Selection select(DashboardUser user, UUID businessId) {
        return select(user, businessId.toString());
    }

    Chrome chrome(String title, String nav, DashboardUser user, Selection selection) {
        BusinessWithRole current = selection.current();
        List<Chrome.BusinessChoice> choices = selection.all().stream()
                .map(business -> choice(business, current))
                .toList();
        return new Chrome(
                title,
                user.subject(),
                user.csrfToken(),
                choices,
                current == null ? null : choice(current, current),
                nav,
                current == null ? "" : "business=" + current.business().id(),
                Dashboard.assets(),
                development,
                simulatedTexts);
    }

    Chrome signedOut(String title) {
        return new Chrome(title, null, null, List.of(), null, "", "", Dashboard.assets(), development, simulatedTexts);
    }

    Formats formats(BusinessWithRole business) {
        return new Formats(business.business().timeZone(), clock);
    }

    int refreshSeconds() {
        return refreshSeconds;
    }

    boolean development() {
        return development;
    }

    Clock clock() {
        return clock;
    }

    private static Chrome.BusinessChoice choice(BusinessWithRole business, BusinessWithRole current) {
        return new Chrome.BusinessChoice(
                business.business().id().toString(),
                business.business().name(),
                business.role().name().toLowerCase(Locale.ROOT),
                current != null
                        && current.business().id().equals(business.business().id()));
    }
}
