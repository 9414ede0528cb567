package org.accord.cases.assessment;

import org.accord.cases.casefile.RiskFactor;
import org.accord.cases.casefile.FactorScore;
import java.util.List;

import org.accord.cases.casefile.RiskLevel;

/**
 * How an assessment's scores become a risk level. The factors specific to one atrocity crime (RF9–RF14) count double:
 * they are the Framework's signs that a particular crime is being prepared or committed, where RF1–RF8 describe the
 * conditions in which atrocity crimes become likely. The weighted score runs from 0 to 60:
 * <ul>
 * <li>below 12 (20 %) LOW, below 27 (45 %) MODERATE, below 42 (70 %) HIGH, from 42 CRITICAL;</li>
 * <li>any specific factor scored 3 makes it at least HIGH, three or more of them CRITICAL — a strong sign of one
 * crime is not diluted by calm elsewhere.</li>
 * </ul>
 */
final class RiskLevelRule {

    static final int MAX_WEIGHTED_SCORE = 60;
    private static final int MODERATE_FROM = 12;
    private static final int HIGH_FROM = 27;
    private static final int CRITICAL_FROM = 42;

    private RiskLevelRule() {
    }

    static int weightOf(RiskFactor factor) {
        return factor.specific() ? 2 : 1;
    }

    static int weightedScore(List<FactorScore> scores) {
        return scores.stream().mapToInt(score -> weightOf(score.factor()) * score.score()).sum();
    }

    static RiskLevel levelOf(List<FactorScore> scores) {
        int weighted = weightedScore(scores);
        RiskLevel byScore = weighted >= CRITICAL_FROM ? RiskLevel.CRITICAL
                : weighted >= HIGH_FROM ? RiskLevel.HIGH
                : weighted >= MODERATE_FROM ? RiskLevel.MODERATE
                : RiskLevel.LOW;
        long specificAtMaximum = scores.stream().filter(score -> score.factor().specific() && score.score() == 3)
                .count();
        RiskLevel floor = specificAtMaximum >= 3 ? RiskLevel.CRITICAL
                : specificAtMaximum >= 1 ? RiskLevel.HIGH
                : RiskLevel.LOW;
        return byScore.compareTo(floor) >= 0 ? byScore : floor;
    }

    /** A rise to HIGH or CRITICAL is an escalation; a case without a level counts as the lowest. */
    static boolean escalates(RiskLevel previous, RiskLevel next) {
        return next.compareTo(RiskLevel.HIGH) >= 0 && (previous == null || next.compareTo(previous) > 0);
    }
}
