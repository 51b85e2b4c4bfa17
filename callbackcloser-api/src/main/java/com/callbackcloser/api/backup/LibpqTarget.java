package com.callbackcloser.api.backup;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A database as libpq tools (pg_dump, pg_restore) reach it, made from the service's JDBC settings. The password
 * never goes on a command line, where any local user could read it: it travels in a pgpass file.
 *
 * @param hosts one or more {@code host[:port]}, comma-separated, as in the JDBC URL
 * @param parameters only the ones libpq understands as well (TLS settings); JDBC-only ones are dropped
 */
public record LibpqTarget(String hosts, String database, String user, String password, Map<String, String> parameters) {
    private static final String JDBC_PREFIX = "jdbc:postgresql://";
    private static final Set<String> SHARED_PARAMETERS =
            Set.of("sslmode", "sslrootcert", "sslcert", "sslkey", "options", "target_session_attrs");

    public LibpqTarget {
        parameters = Map.copyOf(parameters);
    }

    public static LibpqTarget fromJdbc(String jdbcUrl, String user, String password) {
        if (!jdbcUrl.toLowerCase(Locale.ROOT).startsWith(JDBC_PREFIX)) {
            throw new IllegalArgumentException("the database URL must name its host (jdbc:postgresql://host/db)");
        }
        String rest = jdbcUrl.substring(JDBC_PREFIX.length());
        int query = rest.indexOf('?');
        String location = query < 0 ? rest : rest.substring(0, query);
        int slash = location.indexOf('/');
        if (slash <= 0 || slash == location.length() - 1) {
            throw new IllegalArgumentException("the database URL must name its database (jdbc:postgresql://host/db)");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query >= 0) {
            for (String pair : rest.substring(query + 1).split("&", -1)) {
                int equals = pair.indexOf('=');
                if (equals > 0
                        && SHARED_PARAMETERS.contains(pair.substring(0, equals).toLowerCase(Locale.ROOT))) {
                    parameters.put(pair.substring(0, equals).toLowerCase(Locale.ROOT), pair.substring(equals + 1));
                }
            }
        }
        return new LibpqTarget(location.substring(0, slash), location.substring(slash + 1), user, password, parameters);
    }

    public LibpqTarget withDatabase(String otherDatabase) {
        return new LibpqTarget(hosts, otherDatabase, user, password, parameters);
    }

    /** The connection URI for {@code --dbname}: no password in it. */
    public String uri() {
        StringBuilder uri = new StringBuilder("postgresql://");
        if (user != null && !user.isEmpty()) {
            uri.append(encode(user)).append('@');
        }
        uri.append(hosts).append('/').append(encode(database));
        String separator = "?";
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            uri.append(separator).append(parameter.getKey()).append('=').append(parameter.getValue());
            separator = "&";
        }
        return uri.toString();
    }

    /** The same database for JDBC, with the same TLS settings; credentials are passed separately. */
    public String jdbcUrl() {
        StringBuilder url =
                new StringBuilder(JDBC_PREFIX).append(hosts).append('/').append(database);
        String separator = "?";
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            url.append(separator).append(parameter.getKey()).append('=').append(parameter.getValue());
            separator = "&";
        }
        return url.toString();
    }

    /**
     * A line of a pgpass file matching any host, port and database for this user: the tools and the service on
     * the copy read the password from there. Empty when there is no password to pass.
     */
    public String pgpassLine() {
        if (password == null || password.isEmpty()) {
            return "";
        }
        return "*:*:*:" + escape(user == null ? "*" : user) + ":" + escape(password) + "\n";
    }

    private static String escape(String field) {
        return field.replace("\\", "\\\\").replace(":", "\\:");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "LibpqTarget[" + uri() + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
