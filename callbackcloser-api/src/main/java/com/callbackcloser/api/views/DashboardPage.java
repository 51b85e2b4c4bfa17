package com.callbackcloser.api.views;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource of the dashboard (HTML, not the JSON API): its answers get the security headers and the
 * Content-Security-Policy ({@link PageHeadersFilter}), and its errors are pages, not JSON ({@link ErrorPageFilter}).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface DashboardPage {}
