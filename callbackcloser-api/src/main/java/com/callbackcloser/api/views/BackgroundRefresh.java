package com.callbackcloser.api.views;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request an open page makes by itself (the inbox asking for new calls): it shows the session is valid but not
 * that anybody is there, so it does not move the idle timeout on. A tab left open still times out.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BackgroundRefresh {}
