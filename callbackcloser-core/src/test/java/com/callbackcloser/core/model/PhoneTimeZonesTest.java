package com.callbackcloser.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneTimeZonesTest {
    private static final ZoneId BUSINESS_ZONE = ZoneId.of("America/Chicago");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "+12125550123|America/New_York",
                "+14155550123|America/Los_Angeles",
                "+13035550123|America/Denver",
                "+18085550123|Pacific/Honolulu",
                "(212) 555-0123|America/New_York",
                "+442079460000|Europe/London",
                // Toll-free: the whole country, no single zone.
                "+18005550123|America/Chicago",
                "anonymous|America/Chicago",
                "''|America/Chicago"
            })
    void theAreaCodesZoneWhenItHasExactlyOneElseTheBusinesss(String phone, String zone) {
        assertThat(PhoneTimeZones.zoneOf(phone, BUSINESS_ZONE)).isEqualTo(ZoneId.of(zone));
    }
}
