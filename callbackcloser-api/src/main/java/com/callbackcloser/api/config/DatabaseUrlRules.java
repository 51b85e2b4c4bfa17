package com.callbackcloser.api.config;

import com.callbackcloser.api.db.PostgresUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The database URL mistakes the old runbook warned about: a managed host without TLS, migrations through a
 * connection pooler (PgBouncer in transaction mode breaks them), and the pooled and direct URLs swapped.
 */
final class DatabaseUrlRules {
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1", "[::1]");
    private static final Set<String> TLS_MODES = Set.of("require", "verify-ca", "verify-full");

    private DatabaseUrlRules() {}

    static List<ConfigurationProblem> check(String databaseUrl, String migrationUrl) {
        List<ConfigurationProblem> problems = new ArrayList<>();
        PostgresUrl pooled;
        try {
            pooled = PostgresUrl.parse(databaseUrl);
        } catch (IllegalArgumentException e) {
            problems.add(new ConfigurationProblem("DATABASE_URL", e.getMessage(), "use postgres://user:pass@host/db"));
            return problems;
        }
        requireTls(problems, "DATABASE_URL", pooled);
        boolean migrationsSeparate = !DatabaseConfiguration.isEmbedded(migrationUrl);
        if (!migrationsSeparate) {
            if (pooled.isPooler()) {
                problems.add(new ConfigurationProblem(
                        "MIGRATION_DATABASE_URL",
                        "missing while DATABASE_URL is a connection pooler (" + pooled.host()
                                + "): migrations would run" + " through it",
                        "set MIGRATION_DATABASE_URL to the direct (non-pooler) host"));
            }
            return problems;
        }
        PostgresUrl direct;
        try {
            direct = PostgresUrl.parse(migrationUrl);
        } catch (IllegalArgumentException e) {
            problems.add(new ConfigurationProblem(
                    "MIGRATION_DATABASE_URL", e.getMessage(), "use postgres://user:pass@host/db"));
            return problems;
        }
        requireTls(problems, "MIGRATION_DATABASE_URL", direct);
        if (direct.isPooler()) {
            problems.add(new ConfigurationProblem(
                    "MIGRATION_DATABASE_URL",
                    "is a connection pooler (" + direct.host() + ")"
                            + (pooled.isPooler() ? "" : "; DATABASE_URL is not:" + " the two look swapped"),
                    "use the direct host for migrations, the pooler for DATABASE_URL"));
        }
        return problems;
    }

    private static void requireTls(List<ConfigurationProblem> problems, String setting, PostgresUrl url) {
        if (LOCAL_HOSTS.contains(url.host().toLowerCase(Locale.ROOT))) {
            return;
        }
        String query = url.jdbcUrl().contains("?")
                ? url.jdbcUrl().substring(url.jdbcUrl().indexOf('?') + 1)
                : "";
        boolean tls = false;
        for (String parameter : query.split("&", -1)) {
            String[] pair = parameter.split("=", 2);
            if (pair.length == 2
                    && pair[0].equalsIgnoreCase("sslmode")
                    && TLS_MODES.contains(pair[1].toLowerCase(Locale.ROOT))) {
                tls = true;
            }
        }
        if (!tls) {
            problems.add(new ConfigurationProblem(
                    setting,
                    "a managed host (" + url.host() + ") without sslmode=require",
                    "append ?sslmode=require (or verify-full) to the URL"));
        }
    }
}
