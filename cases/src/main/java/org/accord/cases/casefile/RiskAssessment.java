package org.accord.cases.casefile;

import java.time.Instant;
import java.util.List;

import org.accord.cases.casefile.RiskLevel;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * One assessment of a case against the fourteen risk factors, kept as history, with the level derived from it and
 * whether it escalated the case.
 */
public record RiskAssessment(
        @Field("id") String id,
        List<FactorScore> factors,
        int weightedScore,
        RiskLevel riskLevel,
        boolean escalated,
        String assessedBy,
        String assessedByCountry,
        Instant assessedAt) {

    public RiskAssessment {
        factors = factors == null ? List.of() : List.copyOf(factors);
    }
}
