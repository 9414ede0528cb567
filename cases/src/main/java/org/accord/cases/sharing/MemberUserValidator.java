package org.accord.cases.sharing;

import org.accord.identity.CountryRegistry;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks a named recipient's identity provider against the country registry. */
class MemberUserValidator implements ConstraintValidator<MemberUser, String> {

    private final CountryRegistry registry;

    MemberUserValidator(CountryRegistry registry) {
        this.registry = registry;
    }

    @Override
    public boolean isValid(String username, ConstraintValidatorContext context) {
        return username == null || registry.isMemberUsername(username);
    }
}
