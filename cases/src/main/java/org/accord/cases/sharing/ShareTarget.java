package org.accord.cases.sharing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** A sharing entry names exactly one target: a member country of the registry or one of its groups. */
@Documented
@Constraint(validatedBy = ShareTargetValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ShareTarget {

    String message() default "must name exactly one of country or group";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
