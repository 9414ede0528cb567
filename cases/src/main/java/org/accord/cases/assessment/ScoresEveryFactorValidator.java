package org.accord.cases.assessment;

import org.accord.cases.casefile.RiskFactor;
import java.util.Map;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Names each factor left out, as {@code factors[RF3]}. */
class ScoresEveryFactorValidator implements ConstraintValidator<ScoresEveryFactor, Map<RiskFactor, ?>> {

    @Override
    public boolean isValid(Map<RiskFactor, ?> factors, ConstraintValidatorContext context) {
        if (factors == null) {
            return true;
        }
        boolean complete = true;
        context.disableDefaultConstraintViolation();
        for (RiskFactor factor : RiskFactor.values()) {
            if (!factors.containsKey(factor)) {
                complete = false;
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addBeanNode().inIterable().atKey(factor).addConstraintViolation();
            }
        }
        return complete;
    }
}
