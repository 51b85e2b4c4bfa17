package com.callbackcloser.api.views;

import java.util.List;

/**
 * What every page shows around its content: the title, who is signed in, the business switcher, the navigation,
 * and the assets. {@code csrfToken} is null on pages for signed-out visitors.
 *
 * @param query {@code business=…} for links that stay in the current business (empty without one)
 * @param simulatedTexts no Twilio credentials: texts are logged and stored, not sent (development only)
 */
public record Chrome(
        String title,
        String signedInAs,
        String csrfToken,
        List<BusinessChoice> businesses,
        BusinessChoice business,
        String nav,
        String query,
        Assets assets,
        boolean development,
        boolean simulatedTexts) {

    public Chrome {
        businesses = List.copyOf(businesses);
    }

    public boolean isSignedIn() {
        return signedInAs != null;
    }

    /** More than one business: the switcher is shown. */
    public boolean isSwitcher() {
        return businesses.size() > 1;
    }

    /** One of the signed-in user's businesses, as the switcher lists it. */
    public record BusinessChoice(String id, String name, String role, boolean selected) {}
}
