package org.accord.cases.sharing;

import org.accord.identity.CountryRegistry;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks sharing targets against the country registry, so onboarding a member needs no code change. */
class ShareTargetValidator implements ConstraintValidator<ShareTarget, SharingEntry> {

    private final CountryRegistry registry;

    ShareTargetValidator(CountryRegistry registry) {
        this.registry = registry;
    }

    @Override
    public boolean isValid(SharingEntry entry, ConstraintValidatorContext context) {
        if (entry == null) {
            return true;
        }
        if ((entry.country() == null) == (entry.group() == null)) {
            return false;
        }
        if (entry.country() != null && !registry.isMember(entry.country())) {
            return reject(context, "country", "is not a member country of the alliance");
        }
        if (entry.group() != null && !registry.isGroup(entry.group())) {
            return reject(context, "group", "is not a known country group");
        }
        return true;
    }

    private static boolean reject(ConstraintValidatorContext context, String field, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
        return false;
    }
}
