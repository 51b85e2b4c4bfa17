package com.callbackcloser.db.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.LeadCursor;
import com.callbackcloser.core.model.LeadFilter;
import com.callbackcloser.core.model.LeadStatus;
import com.callbackcloser.core.model.LeadSummary;
import com.callbackcloser.core.model.SubscriptionStatus;
import com.callbackcloser.db.testing.TestBusinesses;
import com.callbackcloser.db.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The inbox's query on PostgreSQL: search by digits or name, LIKE's wildcards literal, keyset paging, flags. */
class LeadSearchIT {
    private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");

    private final Jdbi jdbi = TestDatabase.create().jdbi();
    private final JdbiTransactionRunner transactions = new JdbiTransactionRunner(jdbi);
    private final Business business = TestBusinesses.create(transactions, SubscriptionStatus.ACTIVE);
    private final Business other = TestBusinesses.create(transactions, SubscriptionStatus.ACTIVE);

    @Test
    void aSearchFindsCallersByAnyPartOfTheirDigitsOrNameWithinTheBusinessOnly() {
        UUID dana = lead(business, "+14155550123", "Dana Scully", T0);
        UUID fox = lead(business, "+14155559876", "Fox Mulder", T0.plusSeconds(1));
        UUID walter = lead(business, "+16175550123", null, T0.plusSeconds(2));
        lead(other, "+14155550123", "Dana Scully", T0.plusSeconds(3));

        assertThat(ids(page(new LeadFilter(null, "(415) 555-0123"), null))).containsExactly(dana);
        assertThat(ids(page(new LeadFilter(null, "0123"), null))).containsExactly(walter, dana);
        assertThat(ids(page(new LeadFilter(null, "+1 (415) 555-0123"), null))).containsExactly(dana);
        assertThat(ids(page(new LeadFilter(null, "4155"), null)))
                .as("the digits count from the end")
                .isEmpty();
        assertThat(ids(page(new LeadFilter(null, "MULD"), null))).containsExactly(fox);
        assertThat(ids(page(new LeadFilter(null, "scully"), null))).containsExactly(dana);
        assertThat(ids(page(new LeadFilter(LeadStatus.BOOKED, "scully"), null))).isEmpty();
        assertThat(ids(page(LeadFilter.ALL, null))).containsExactly(walter, fox, dana);
    }

    @Test
    void wildcardsTypedIntoTheSearchAreLiteral() {
        lead(business, "+14155550123", "Dana Scully", T0);
        UUID percent = lead(business, "+14155550124", "100% Plumbing", T0.plusSeconds(1));
        assertThat(ids(page(new LeadFilter(null, "Da_a"), null))).isEmpty();
        assertThat(ids(page(new LeadFilter(null, "a%"), null))).isEmpty();
        assertThat(ids(page(new LeadFilter(null, "0% P"), null))).containsExactly(percent);
        assertThat(ids(page(new LeadFilter(null, "\\"), null)))
                .as("one character filters nothing")
                .hasSize(2);
    }

    @Test
    void pagesStayStableWhileNewLeadsArrive() {
        List<UUID> older = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            older.add(0, lead(business, "+1415555010" + i, null, T0.plusSeconds(i)));
        }
        List<LeadSummary> first = page(LeadFilter.ALL, null, 2);
        assertThat(ids(first)).containsExactlyElementsOf(older.subList(0, 2));
        // Three calls arrive between the two page loads, one in the very same instant as the last shown.
        UUID sameInstant =
                lead(business, "+14155550200", null, first.get(1).lead().createdAt());
        UUID later = lead(business, "+14155550201", null, T0.plusSeconds(60));
        UUID latest = lead(business, "+14155550202", null, T0.plusSeconds(61));
        LeadCursor cursor = cursorOf(first.get(1));
        List<UUID> rest = ids(page(LeadFilter.ALL, cursor, 10));
        List<UUID> expected = new ArrayList<>(older.subList(2, 5));
        // Same created_at: PostgreSQL orders by id, byte by byte, as their hex strings compare (Java's UUID
        // compareTo is signed and would not).
        if (sameInstant.toString().compareTo(first.get(1).lead().id().toString()) < 0) {
            expected.add(0, sameInstant);
        }
        assertThat(rest).containsExactlyElementsOf(expected);
        List<UUID> newer = ids(transactions.inTransaction(
                r -> r.leads().newerThan(business.id(), LeadFilter.ALL, cursorOf(first.get(0)), 10)));
        assertThat(newer).containsExactly(latest, later);
    }

    @Test
    void theInboxFlagsOptedOutCallersAndWaitingFollowUps() {
        UUID stopped = lead(business, "+14155550111", null, T0);
        UUID waiting = lead(business, "+14155550112", null, T0.plusSeconds(1));
        transactions.inTransaction(r -> {
            r.consents().recordOptOut(business.id(), "+14155550111", "+14155550111", "STOP", "SMstop", T0);
            return null;
        });
        jdbi.useHandle(h -> h.execute("""
                INSERT INTO messages (business_id, lead_id, direction, participant, from_number, to_number, body,
                                      delivery_state, next_attempt_at, follow_up, created_at, updated_at)
                VALUES (?, ?, 'OUTBOUND', 'LEAD', ?, '+14155550112', 'Still there?', 'QUEUED', now() + interval '1 hour',
                        true, now(), now())""", business.id(), waiting, business.twilioNumber()));
        List<LeadSummary> page = page(LeadFilter.ALL, null);
        assertThat(page).extracting(s -> s.lead().id()).containsExactly(waiting, stopped);
        assertThat(page.get(0).followUpPending()).isTrue();
        assertThat(page.get(0).callerOptedOut()).isFalse();
        assertThat(page.get(0).latestMessage())
                .as("a waiting follow-up is no message yet")
                .isNull();
        assertThat(page.get(1).callerOptedOut()).isTrue();
        assertThat(page.get(1).followUpPending()).isFalse();
    }

    private List<LeadSummary> page(LeadFilter filter, LeadCursor after) {
        return page(filter, after, 25);
    }

    private List<LeadSummary> page(LeadFilter filter, LeadCursor after, int limit) {
        return transactions.inTransaction(r -> r.leads().page(business.id(), filter, after, limit));
    }

    private static List<UUID> ids(List<LeadSummary> summaries) {
        return summaries.stream().map(s -> s.lead().id()).toList();
    }

    private static LeadCursor cursorOf(LeadSummary summary) {
        return new LeadCursor(summary.lead().createdAt(), summary.lead().id());
    }

    private UUID lead(Business owner, String caller, String name, Instant at) {
        return jdbi.withHandle(h -> {
            UUID call = h.createQuery("""
                            INSERT INTO calls (business_id, call_sid, from_number, to_number, status, dial_call_status,
                                               missed, created_at, updated_at)
                            VALUES (:b, :sid, :caller, :to, 'MISSED', 'no-answer', true, :at, :at)
                            RETURNING id""")
                    .bind("b", owner.id())
                    .bind("sid", "CA" + UUID.randomUUID().toString().replace("-", ""))
                    .bind("caller", caller)
                    .bind("to", owner.twilioNumber())
                    .bind("at", at)
                    .mapTo(UUID.class)
                    .one();
            return h.createQuery("""
                            INSERT INTO leads (business_id, call_id, caller_raw, caller_number, contact_name, created_at,
                                               updated_at)
                            VALUES (:b, :call, :caller, :caller, :name, :at, :at)
                            RETURNING id""")
                    .bind("b", owner.id())
                    .bind("call", call)
                    .bind("caller", caller)
                    .bind("name", name)
                    .bind("at", at)
                    .mapTo(UUID.class)
                    .one();
        });
    }
}
