package com.callbackcloser.api.views;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The dashboard's static files: kept a year by browsers when their URL is versioned (the webjars' paths carry the
 * version, ours a {@code ?v=} content hash), revalidated otherwise; never sniffed as another type.
 */
final class AssetHeadersFilter implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        HttpServletResponse answer = (HttpServletResponse) response;
        boolean versioned = http.getRequestURI().startsWith(Assets.WEBJARS_PATH + "/")
                || (http.getQueryString() != null && http.getQueryString().startsWith("v="));
        answer.setHeader("Cache-Control", versioned ? "public, max-age=31536000, immutable" : "no-cache");
        answer.setHeader("X-Content-Type-Options", "nosniff");
        chain.doFilter(request, response);
    }
}
