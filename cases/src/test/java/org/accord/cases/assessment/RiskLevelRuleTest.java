package org.accord.cases.assessment;

import org.accord.cases.casefile.RiskFactor;
import org.accord.cases.casefile.FactorScore;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.accord.cases.casefile.RiskLevel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The documented rule, as examples: scores of RF1 to RF14, the weighted score, the level. */
class RiskLevelRuleTest {

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # RF1 … RF14                  | weighted | level
            0 0 0 0 0 0 0 0 0 0 0 0 0 0   | 0        | LOW
            1 1 1 1 1 1 1 1 0 0 0 0 0 0   | 8        | LOW
            1 1 1 1 1 1 1 1 1 1 0 0 0 0   | 12       | MODERATE
            3 3 3 3 3 0 0 0 0 0 0 0 0 0   | 15       | MODERATE
            3 3 3 3 3 3 3 3 0 0 0 0 0 0   | 24       | MODERATE
            3 3 3 3 3 3 3 3 1 1 0 0 0 0   | 28       | HIGH
            2 2 2 2 2 2 2 2 2 2 2 2 2 2   | 40       | HIGH
            2 2 2 2 2 2 2 2 2 2 2 2 2 3   | 42       | CRITICAL
            0 0 0 0 0 0 0 0 0 3 0 0 0 0   | 6        | HIGH
            0 0 0 0 0 0 0 0 0 0 0 0 0 3   | 6        | HIGH
            3 0 0 0 0 0 0 0 0 0 0 0 0 0   | 3        | LOW
            0 0 0 0 0 0 0 0 3 3 3 0 0 0   | 18       | CRITICAL
            0 0 0 0 0 0 0 0 3 3 2 2 2 2   | 28       | HIGH
            3 3 3 3 3 3 3 3 3 3 3 3 3 3   | 60       | CRITICAL
            """)
    void scoresBecomeLevels(String scores, int weighted, RiskLevel level) {
        List<FactorScore> factors = scoresOf(scores);

        assertThat(RiskLevelRule.weightedScore(factors)).isEqualTo(weighted);
        assertThat(RiskLevelRule.levelOf(factors)).isEqualTo(level);
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(textBlock = """
            ,         LOW,      false
            ,         HIGH,     true
            ,         CRITICAL, true
            LOW,      MODERATE, false
            MODERATE, HIGH,     true
            HIGH,     HIGH,     false
            HIGH,     CRITICAL, true
            CRITICAL, HIGH,     false
            CRITICAL, CRITICAL, false
            HIGH,     LOW,      false
            """)
    void onlyARiseToHighOrCriticalEscalates(RiskLevel previous, RiskLevel next, boolean escalates) {
        assertThat(RiskLevelRule.escalates(previous, next)).isEqualTo(escalates);
    }

    static List<FactorScore> scoresOf(String scores) {
        int[] values = Arrays.stream(scores.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
        return Arrays.stream(RiskFactor.values())
                .map(factor -> new FactorScore(factor, values[factor.ordinal()], "note"))
                .toList();
    }
}
