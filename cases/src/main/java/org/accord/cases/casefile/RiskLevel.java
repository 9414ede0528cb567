package org.accord.cases.casefile;

/** The latest risk level derived from the case's atrocity-risk assessments. */
public enum RiskLevel {
    LOW, MODERATE, HIGH, CRITICAL
}
