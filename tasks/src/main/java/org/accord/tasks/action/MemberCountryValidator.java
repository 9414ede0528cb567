package org.accord.tasks.action;

import org.accord.identity.CountryRegistry;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

class MemberCountryValidator implements ConstraintValidator<MemberCountry, String> {

    private final CountryRegistry registry;

    MemberCountryValidator(CountryRegistry registry) {
        this.registry = registry;
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || registry.isMember(value);
    }
}
