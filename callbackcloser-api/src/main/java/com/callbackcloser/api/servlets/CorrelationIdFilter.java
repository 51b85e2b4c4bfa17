package com.callbackcloser.api.servlets;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives every request a correlation id: the caller's {@code X-Correlation-Id} or {@code X-Request-Id} when it
 * is a sane token of at most 128 characters, else a new UUID. It is echoed on the response (errors and 404s
 * included) and put in the logging context, so one id finds a request in our logs and in the caller's.
 */
public final class CorrelationIdFilter implements Filter {
    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    private static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final int MAX_LENGTH = 128;
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:@/+=-]+");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        String id = firstUsable(http.getHeader(HEADER), http.getHeader(REQUEST_ID_HEADER));
        ((HttpServletResponse) response).setHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    private static String firstUsable(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null) {
                String trimmed = candidate.strip();
                if (!trimmed.isEmpty()
                        && trimmed.length() <= MAX_LENGTH
                        && SAFE.matcher(trimmed).matches()) {
                    return trimmed;
                }
            }
        }
        return UUID.randomUUID().toString();
    }
}
