package com.callbackcloser.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderStatusTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(
            nullValues = "null",
            value = {
                "null,queued,true",
                "queued,sent,true",
                "sent,delivered,true",
                "sending,undelivered,true",
                "queued,failed,true",
                "delivered,read,true",
                "delivered,sent,false",
                "sent,queued,false",
                "sent,sent,false",
                "delivered,undelivered,false",
                "failed,delivered,false",
                "queued,null,false",
                "queued,some-new-status,false",
                "some-old-status,delivered,true"
            })
    void statusesOnlyMoveForward(String current, String next, boolean advances) {
        assertThat(ProviderStatus.isAdvance(current, next)).isEqualTo(advances);
    }
}
