package org.accord.cases.assessment;

import org.accord.cases.casefile.RiskFactor;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The body of {@code POST /api/cases/{id}/assessments}: every one of the fourteen factors, scored. */
record NewAssessment(@NotNull @ScoresEveryFactor Map<RiskFactor, @NotNull @Valid FactorInput> factors) {
}
