package org.accord.support.text;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A field of running text, such as a summary or a comment: line feeds and tabs are kept, every other control
 * character and the Unicode line and paragraph separators are refused, so a line break is always one plain line feed.
 */
@Documented
@Constraint(validatedBy = MultiLineValidator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE,
        ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface MultiLine {

    String message() default "must not contain control characters other than line feeds and tabs";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
