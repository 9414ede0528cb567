package org.accord.tasks.action;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** The code of a member country of the alliance, as the country registry lists them. */
@Documented
@Constraint(validatedBy = MemberCountryValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface MemberCountry {

    String message() default "must be a member country of the alliance";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
