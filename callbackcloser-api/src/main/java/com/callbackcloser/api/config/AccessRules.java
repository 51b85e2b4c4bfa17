package com.callbackcloser.api.config;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The production rules about who reaches the service's controls. The admin port serves metrics, thread dumps and
 * tasks that re-send texts or change log levels: beyond loopback it must want a token. And JWTs from an issuer
 * that serves several applications must be meant for this one ({@code aud}), or any of them signs owners in here.
 */
final class AccessRules {
    static final String ADMIN_SETTING = "ADMIN_BIND_HOST / ADMIN_TOKEN";
    /** 32 characters: what {@code openssl rand -hex 16} prints, and nothing guessable is that long by accident. */
    static final int MIN_ADMIN_TOKEN_LENGTH = 32;

    private static final Pattern DOTTED_IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F]*:[0-9a-fA-F:.]*(%[\\w.]+)?");

    private AccessRules() {}

    static List<ConfigurationProblem> check(CallbackCloserConfiguration config) {
        List<ConfigurationProblem> problems = new ArrayList<>();
        AdminAccessConfiguration admin = config.getAdminAccess();
        if (!admin.hasToken()) {
            adminExposure(config.getServerFactory())
                    .ifPresent(where -> problems.add(new ConfigurationProblem(
                            ADMIN_SETTING,
                            "the admin port listens on " + where
                                    + " without ADMIN_TOKEN: its metrics, thread dumps and tasks are open to anyone"
                                    + " who reaches it",
                            "bind it to 127.0.0.1 (ADMIN_BIND_HOST, the default), or set ADMIN_TOKEN to a random"
                                    + " secret (openssl rand -hex 32) if the platform must reach it from outside")));
        } else if (admin.getToken().length() < MIN_ADMIN_TOKEN_LENGTH) {
            problems.add(new ConfigurationProblem(
                    "ADMIN_TOKEN",
                    "shorter than " + MIN_ADMIN_TOKEN_LENGTH + " characters",
                    "use a random secret: openssl rand -hex 32"));
        }
        AuthConfiguration auth = config.getAuth();
        if (!auth.getJwtIssuer().isBlank() && auth.getAudience().isBlank()) {
            problems.add(new ConfigurationProblem(
                    "AUTH_JWT_AUDIENCE",
                    "missing while AUTH_JWT_ISSUER is set: a token the issuer minted for another application is"
                            + " accepted here",
                    "set AUTH_JWT_AUDIENCE to the audience (aud) the identity provider puts in this API's tokens"));
        }
        return problems;
    }

    /** Where, beyond loopback, the admin context can be reached; empty when only on loopback. */
    private static Optional<String> adminExposure(ServerFactory server) {
        List<ConnectorFactory> connectors;
        if (server instanceof DefaultServerFactory split) {
            connectors = split.getAdminConnectors();
        } else if (server instanceof SimpleServerFactory simple) {
            // One connector for both: the admin context is on the application's port.
            connectors = List.of(simple.getConnector());
        } else {
            return Optional.of("a server of an unknown type");
        }
        for (ConnectorFactory connector : connectors) {
            if (!(connector instanceof HttpConnectorFactory http)) {
                return Optional.of("a connector of an unknown type");
            }
            if (!isLoopback(http.getBindHost())) {
                return Optional.of(
                        http.getBindHost() == null || http.getBindHost().isBlank()
                                ? "every interface (no bindHost)"
                                : http.getBindHost());
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a bind host is loopback, decided without DNS: {@code localhost} or a literal loopback address.
     * Anything else, a name included, counts as reachable from the network.
     */
    static boolean isLoopback(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String literal = host.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        if (literal.toLowerCase(Locale.ROOT).equals("localhost")) {
            return true;
        }
        if (!DOTTED_IPV4.matcher(literal).matches() && !IPV6.matcher(literal).matches()) {
            return false;
        }
        try {
            // A literal address is only parsed, never looked up.
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
