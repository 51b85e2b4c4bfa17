package com.callbackcloser.api.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReturnToTest {

    @Test
    void aPathOfThisSiteIsKeptWithItsQuery() {
        assertThat(ReturnTo.sanitize("/leads/3f1c?x=1&y=%2F")).hasValue("/leads/3f1c?x=1&y=%2F");
        assertThat(ReturnTo.sanitize("/billing?checkout=success")).hasValue("/billing?checkout=success");
    }

    @Test
    void anythingThatCouldLeaveTheSiteIsRefused() {
        for (String hostile : List.of(
                "https://evil.example",
                "http:/evil.example",
                "//evil.example",
                "///evil.example",
                "/\\evil.example",
                "\\\\evil.example",
                "/\t/evil.example",
                "/\n/evil.example",
                " /leads",
                "javascript:alert(1)",
                "data:text/html,hi",
                "leads",
                "",
                "/" + "a".repeat(2001))) {
            assertThat(ReturnTo.sanitize(hostile)).as(hostile).isEmpty();
            assertThat(ReturnTo.orHome(hostile)).as(hostile).isEqualTo("/leads");
        }
        assertThat(ReturnTo.sanitize(null)).isEmpty();
    }

    @Test
    void theSignInPagesThemselvesAreNoDestination() {
        assertThat(ReturnTo.sanitize("/sign-in")).isEmpty();
        assertThat(ReturnTo.sanitize("/sign-out")).isEmpty();
        assertThat(ReturnTo.sanitize("/auth/callback?code=x")).isEmpty();
    }

    @Test
    void aPageUrlCountsOnlyWhenItIsOfThisSite() {
        assertThat(ReturnTo.ofPageUrl("https://callbacks.example.com/leads/1?q=2", "https://callbacks.example.com"))
                .hasValue("/leads/1?q=2");
        assertThat(ReturnTo.ofPageUrl("https://evil.example/leads", "https://callbacks.example.com"))
                .isEmpty();
        assertThat(ReturnTo.ofPageUrl("not a url at all", "https://callbacks.example.com"))
                .isEmpty();
        assertThat(ReturnTo.ofPageUrl(null, "https://callbacks.example.com")).isEmpty();
    }
}
