package org.accord.cases.sharing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A named recipient is a person of a member country, named as the alliance realm names them: the national username
 * and the country's identity provider, {@code fr-officer@fr}. A bare name could belong to any government's directory.
 */
@Documented
@Constraint(validatedBy = MemberUserValidator.class)
@Target(ElementType.TYPE_USE)
@Retention(RetentionPolicy.RUNTIME)
public @interface MemberUser {

    String message() default "must be the alliance username of a user of a member country, such as fr-officer@fr";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
