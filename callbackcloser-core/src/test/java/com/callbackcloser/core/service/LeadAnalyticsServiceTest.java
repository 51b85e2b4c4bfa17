package com.callbackcloser.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.callbackcloser.core.model.Actor;
import com.callbackcloser.core.model.AnalyticsPeriod;
import com.callbackcloser.core.model.Business;
import com.callbackcloser.core.model.DayRange;
import com.callbackcloser.core.model.LeadAnalytics;
import com.callbackcloser.core.model.LeadFunnel;
import com.callbackcloser.core.model.Membership;
import com.callbackcloser.core.model.Role;
import com.callbackcloser.core.model.ServiceLabels;
import com.callbackcloser.core.model.Subscription;
import com.callbackcloser.core.model.TextTiming;
import com.callbackcloser.core.port.in.LeadAnalyticsQuery;
import com.callbackcloser.core.port.in.ResourceNotFoundException;
import com.callbackcloser.core.port.out.AnalyticsRepository;
import com.callbackcloser.core.port.out.BusinessRepository;
import com.callbackcloser.core.port.out.MemberRepository;
import com.callbackcloser.core.port.out.Repositories;
import com.callbackcloser.core.port.out.TransactionRunner;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The use case around the query: who may ask, and which days "this month" is. The SQL is tested on PostgreSQL. */
class LeadAnalyticsServiceTest {
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    private static final UUID BUSINESS = UUID.randomUUID();
    private static final LeadFunnel MEASURED = new LeadFunnel(4, 2, 1, 1, 1, 0, Duration.ofSeconds(3), Duration.ZERO);

    private final List<AnalyticsPeriod> measured = new ArrayList<>();

    @Test
    void withoutDaysItIsTheCurrentMonthInTheBusinessesZone() {
        // 2026-12-01T06:00Z is December in UTC and New York, but still November 30th in Los Angeles.
        LeadAnalytics analytics = service(Instant.parse("2026-12-01T06:00:00Z"))
                .leadAnalytics(new LeadAnalyticsQuery(new Actor("agent_1", null), BUSINESS, null));

        assertThat(analytics.period().from()).isEqualTo(LocalDate.parse("2026-11-01"));
        assertThat(analytics.period().to()).isEqualTo(LocalDate.parse("2026-11-30"));
        assertThat(analytics.period().zone()).isEqualTo(LOS_ANGELES);
        assertThat(analytics.funnel()).isEqualTo(MEASURED);
        assertThat(measured).containsExactly(analytics.period());
    }

    @Test
    void theDaysAskedForAreMeasuredInTheBusinessesZone() {
        DayRange days = new DayRange(LocalDate.parse("2026-03-08"), LocalDate.parse("2026-03-14"));

        LeadAnalytics analytics = service(Instant.parse("2026-11-26T12:00:00Z"))
                .leadAnalytics(new LeadAnalyticsQuery(new Actor("agent_1", null), BUSINESS, days));

        assertThat(analytics.period()).isEqualTo(new AnalyticsPeriod(days, LOS_ANGELES));
        assertThat(analytics.period().start()).isEqualTo(Instant.parse("2026-03-08T08:00:00Z"));
        assertThat(analytics.period().end()).isEqualTo(Instant.parse("2026-03-15T07:00:00Z"));
    }

    @Test
    void someoneWhoIsNotAMemberIsToldTheBusinessDoesNotExistAndNothingIsMeasured() {
        assertThatThrownBy(() -> service(Instant.now())
                        .leadAnalytics(new LeadAnalyticsQuery(new Actor("stranger", null), BUSINESS, null)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(measured).isEmpty();
    }

    private LeadAnalyticsService service(Instant now) {
        Business business = new Business(
                BUSINESS,
                "Acme Plumbing",
                "+14155550199",
                null,
                20,
                ServiceLabels.DEFAULTS,
                LOS_ANGELES,
                TextTiming.DEFAULTS,
                false,
                null,
                null,
                Subscription.NONE,
                Instant.parse("2026-01-01T00:00:00Z"));
        MemberRepository members = fake(
                MemberRepository.class,
                "find",
                args -> "agent_1".equals(args[1])
                        ? Optional.of(new Membership(BUSINESS, "agent_1", Role.AGENT, business.createdAt()))
                        : Optional.empty());
        BusinessRepository businesses = fake(BusinessRepository.class, "findById", args -> Optional.of(business));
        AnalyticsRepository analytics = (businessId, period) -> {
            measured.add(period);
            return MEASURED;
        };
        Repositories repositories = (Repositories) Proxy.newProxyInstance(
                Repositories.class.getClassLoader(),
                new Class<?>[] {Repositories.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "members" -> members;
                    case "businesses" -> businesses;
                    case "analytics" -> analytics;
                    default -> throw new UnsupportedOperationException("Repositories." + method.getName());
                });
        TransactionRunner transactions = new TransactionRunner() {
            @Override
            public <T> T inTransaction(Function<Repositories, T> work) {
                return work.apply(repositories);
            }
        };
        return new LeadAnalyticsService(transactions, Clock.fixed(now, ZoneOffset.UTC));
    }

    /** A port that answers one method and refuses every other, so an unexpected call fails the test. */
    private static <T> T fake(Class<T> port, String method, Function<Object[], Object> answer) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, m, args) -> {
            if (m.getName().equals(method)) {
                return answer.apply(args);
            }
            throw new UnsupportedOperationException(port.getSimpleName() + "." + m.getName());
        }));
    }
}
