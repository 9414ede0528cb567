package org.accord.cases.assessment;

import java.time.Instant;
import java.util.List;

import org.accord.cases.casefile.RiskLevel;

/** One assessment of a case against the fourteen risk factors, kept as history, and the level derived from it. */
public record RiskAssessment(
        String id,
        List<FactorScore> factors,
        int weightedScore,
        RiskLevel riskLevel,
        String assessedBy,
        String assessedByCountry,
        Instant assessedAt) {

    public RiskAssessment {
        factors = factors == null ? List.of() : List.copyOf(factors);
    }
}
