package org.accord.cases.casefile;

/** One risk factor as an assessment scored it: 0 (absent) to 3 (strongly present), with the assessor's note. */
public record FactorScore(RiskFactor factor, int score, String note) {
}
