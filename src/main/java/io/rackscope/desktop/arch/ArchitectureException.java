package io.rackscope.desktop.arch;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class allowed to break one rule of the architecture test, on the class that needs it and
 * with the reason, so that every exception is visible where it is made.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ArchitectureException {
    /** The rule's name, as the architecture test names it (e.g. "views-through-view-models"). */
    String rule();

    /** Why this class needs it. */
    String why();
}
