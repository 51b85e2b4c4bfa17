package com.callbackcloser.api.config;

import com.callbackcloser.core.model.Plans;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;

/** Monthly conversation limits per tier, and the zone whose calendar months are the usage periods. */
public class PlansConfiguration {
    @Min(0)
    private int freeLimit = 0;

    @Min(0)
    private int starterLimit = 200;

    @Min(0)
    private int proLimit = 1000;

    @NotNull
    private ZoneId usageZone = Plans.DEFAULT_USAGE_ZONE;

    public Plans toPlans(StripeConfiguration stripe) {
        return new Plans(
                blankToNull(stripe.getPriceStarter()),
                blankToNull(stripe.getPricePro()),
                freeLimit,
                starterLimit,
                proLimit,
                usageZone);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @JsonProperty
    public int getFreeLimit() {
        return freeLimit;
    }

    @JsonProperty
    public void setFreeLimit(int freeLimit) {
        this.freeLimit = freeLimit;
    }

    @JsonProperty
    public int getStarterLimit() {
        return starterLimit;
    }

    @JsonProperty
    public void setStarterLimit(int starterLimit) {
        this.starterLimit = starterLimit;
    }

    @JsonProperty
    public int getProLimit() {
        return proLimit;
    }

    @JsonProperty
    public void setProLimit(int proLimit) {
        this.proLimit = proLimit;
    }

    @JsonProperty
    public ZoneId getUsageZone() {
        return usageZone;
    }

    @JsonProperty
    public void setUsageZone(ZoneId usageZone) {
        this.usageZone = usageZone;
    }
}
