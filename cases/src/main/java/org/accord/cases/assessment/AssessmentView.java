package org.accord.cases.assessment;

import org.accord.cases.casefile.RiskFactor;
import org.accord.cases.casefile.RiskAssessment;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.accord.cases.casefile.RiskLevel;

/** An assessment as the API shows it: each factor by its code, with its name in the Framework. */
record AssessmentView(String id, RiskLevel riskLevel, int weightedScore, int maxWeightedScore, boolean escalated,
        Map<RiskFactor, Factor> factors, String assessedBy, String assessedByCountry, Instant assessedAt) {

    record Factor(String name, boolean specific, int weight, int score, String note) {
    }

    static AssessmentView of(RiskAssessment assessment) {
        Map<RiskFactor, Factor> factors = new LinkedHashMap<>();
        assessment.factors().forEach(score -> factors.put(score.factor(), new Factor(score.factor().title(),
                score.factor().specific(), RiskLevelRule.weightOf(score.factor()), score.score(), score.note())));
        return new AssessmentView(assessment.id(), assessment.riskLevel(), assessment.weightedScore(),
                RiskLevelRule.MAX_WEIGHTED_SCORE, assessment.escalated(), factors, assessment.assessedBy(),
                assessment.assessedByCountry(), assessment.assessedAt());
    }
}
