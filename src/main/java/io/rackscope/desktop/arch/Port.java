package io.rackscope.desktop.arch;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a port: a small type through which a feature's view model reaches a service. Views never
 * use one (the architecture test enforces it); the view model gets it in its constructor.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Port {}
