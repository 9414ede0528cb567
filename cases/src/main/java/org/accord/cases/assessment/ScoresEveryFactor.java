package org.accord.cases.assessment;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** An assessment scores all fourteen risk factors: a partial one would make levels incomparable. */
@Documented
@Constraint(validatedBy = ScoresEveryFactorValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface ScoresEveryFactor {

    String message() default "must be scored";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
