package com.callbackcloser.api.health;

import com.codahale.metrics.health.HealthCheck;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Unhealthy when the database lacks changesets this version of the service expects: someone deployed without
 * running {@code db migrate}, and requests would fail on missing tables.
 */
public final class SchemaHealthCheck extends HealthCheck {
    private final Jdbi jdbi;
    private final Set<String> expected;

    public SchemaHealthCheck(Jdbi jdbi, Set<String> expectedChangeSetIds) {
        this.jdbi = jdbi;
        this.expected = Set.copyOf(expectedChangeSetIds);
    }

    @Override
    protected Result check() {
        List<String> applied = jdbi.withHandle(handle -> {
            boolean exists = handle.createQuery("SELECT to_regclass('public.databasechangelog') IS NOT NULL")
                    .mapTo(Boolean.class)
                    .one();
            return exists
                    ? handle.createQuery("SELECT id FROM databasechangelog")
                            .mapTo(String.class)
                            .list()
                    : List.of();
        });
        Set<String> missing = new HashSet<>(expected);
        applied.forEach(missing::remove);
        if (missing.isEmpty()) {
            return Result.healthy(expected.size() + " changesets applied");
        }
        return Result.unhealthy(missing.size() + " changesets not applied "
                + missing.stream().sorted().toList() + ": run `java -jar callbackcloser.jar db migrate config.yml`");
    }
}
