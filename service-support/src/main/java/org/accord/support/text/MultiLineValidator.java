package org.accord.support.text;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public final class MultiLineValidator implements ConstraintValidator<MultiLine, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return value == null || ControlCharacters.isMultiLine(value);
    }
}
