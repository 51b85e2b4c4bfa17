package com.callbackcloser.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LeadFilterTest {

    @Test
    void aSearchWithoutLettersIsAPhoneNumberComparedByItsDigits() {
        assertThat(new LeadFilter(null, "(415) 555-0123").phoneSearch()).hasValue("4155550123");
        assertThat(new LeadFilter(null, "+1 415.555.0123").phoneSearch()).hasValue("14155550123");
        assertThat(new LeadFilter(null, "0123").phoneSearch()).hasValue("0123");
        assertThat(new LeadFilter(null, "0123").nameSearch()).isEmpty();
    }

    @Test
    void aSearchWithALetterIsANameInAnyCase() {
        LeadFilter filter = new LeadFilter(null, "  Dana S ");
        assertThat(filter.nameSearch()).hasValue("dana s");
        assertThat(filter.phoneSearch()).isEmpty();
        assertThat(new LeadFilter(null, "Zoë").nameSearch()).hasValue("zoë");
    }

    @Test
    void tooShortOrBlankSearchesFilterNothing() {
        for (String nothing : new String[] {null, "", "   ", "7", "a", "()", "%"}) {
            LeadFilter filter = new LeadFilter(LeadStatus.NEW, nothing);
            assertThat(filter.phoneSearch()).as(nothing).isEmpty();
            assertThat(filter.nameSearch()).as(nothing).isEmpty();
        }
    }

    @Test
    void anOverlongSearchIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> new LeadFilter(null, "x".repeat(81)))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("at most 80");
    }
}
