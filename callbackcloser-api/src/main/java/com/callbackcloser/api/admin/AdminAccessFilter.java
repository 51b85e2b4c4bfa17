package com.callbackcloser.api.admin;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;

/**
 * The admin port's door. The health checks ({@code /healthcheck}, {@code /ping}) are always open: platforms probe
 * them without credentials. With ADMIN_TOKEN set, everything else (metrics, thread dumps, tasks) needs it as
 * {@code Authorization: Bearer}. Without a token, production refuses the tasks, which re-send texts and change log
 * levels, and serves the rest on loopback only (the production rules refuse a wider bind without a token); loopback
 * alone does not protect the tasks, since anything on the host, or a request the service itself is tricked into
 * making, arrives from there.
 */
public final class AdminAccessFilter implements Filter {
    private static final Set<String> ALWAYS_OPEN = Set.of("/healthcheck", "/ping");
    private static final String BEARER = "Bearer ";

    /** SHA-256 of the token; null when none is configured. */
    private final byte[] tokenDigest;

    private final boolean production;

    public AdminAccessFilter(String token, boolean production) {
        this.tokenDigest = token == null || token.isEmpty() ? null : sha256(token);
        this.production = production;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        HttpServletResponse answer = (HttpServletResponse) response;
        String path = http.getServletPath() + (http.getPathInfo() == null ? "" : http.getPathInfo());
        if (ALWAYS_OPEN.contains(path)) {
            chain.doFilter(request, response);
        } else if (tokenDigest != null) {
            if (presentsTheToken(http)) {
                chain.doFilter(request, response);
            } else {
                answer.setHeader("WWW-Authenticate", "Bearer realm=\"callbackcloser-admin\"");
                refuse(
                        answer,
                        HttpServletResponse.SC_UNAUTHORIZED,
                        "the admin port needs Authorization: Bearer <ADMIN_TOKEN>");
            }
        } else if (production && (path.equals("/tasks") || path.startsWith("/tasks/"))) {
            refuse(
                    answer,
                    HttpServletResponse.SC_FORBIDDEN,
                    "admin tasks need ADMIN_TOKEN in production: set it, then send Authorization: Bearer <token>");
        } else {
            chain.doFilter(request, response);
        }
    }

    /** Compared as digests, so the time taken says nothing about the token, not even its length. */
    private boolean presentsTheToken(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        return MessageDigest.isEqual(
                tokenDigest, sha256(authorization.substring(BEARER.length()).strip()));
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().println(message);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JVM", e);
        }
    }
}
