package com.callbackcloser.api.db;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A PostgreSQL location as JDBC wants it. Accepts what hosting providers print
 * ({@code postgres://user:pass@host:5432/db?sslmode=require}, also {@code postgresql://}) and plain JDBC URLs,
 * whose credentials stay in the URL or in the configuration.
 */
public record PostgresUrl(String jdbcUrl, String user, String password) {
    private static final int SUPABASE_POOLER_PORT = 6543;

    public static PostgresUrl parse(String value) {
        String url = value.strip();
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return new PostgresUrl(url, null, null);
        }
        if (!lower.startsWith("postgres://") && !lower.startsWith("postgresql://")) {
            throw new IllegalArgumentException(
                    "DATABASE_URL must start with postgres://, postgresql:// or jdbc:postgresql://");
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DATABASE_URL is not a valid URL (" + e.getMessage() + ")", e);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("DATABASE_URL has no host");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/postgres" : uri.getRawPath();
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
        if (uri.getPort() != -1) {
            jdbc.append(':').append(uri.getPort());
        }
        jdbc.append(path);
        if (uri.getRawQuery() != null) {
            jdbc.append('?').append(uri.getRawQuery());
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        return new PostgresUrl(jdbc.toString(), user, password);
    }

    /** The host, for the production checks on managed providers. */
    public String host() {
        String rest = jdbcUrl.substring("jdbc:postgresql://".length());
        int end = rest.length();
        for (char stop : new char[] {'/', '?', ':'}) {
            int at = rest.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return rest.substring(0, end);
    }

    /**
     * A connection pooler in front of the server (Neon's "-pooler" hosts, Supabase's pooler hosts and port,
     * PgBouncer by name). In transaction mode it breaks session state: migrations, LISTEN, server-side prepared
     * statements.
     */
    public boolean isPooler() {
        String lowerHost = host().toLowerCase(Locale.ROOT);
        return lowerHost.contains("-pooler.")
                || lowerHost.contains("pooler.supabase")
                || lowerHost.contains("pgbouncer")
                || jdbcUrl.contains(":" + SUPABASE_POOLER_PORT + "/");
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "PostgresUrl[" + jdbcUrl + ", user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
