package com.callbackcloser.api.views;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A dashboard resource for signed-in users only: {@link SessionFilter} sends everyone else to sign in, and
 * {@link CsrfFilter} refuses a state-changing request without the session's CSRF token.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SignedIn {}
