package org.accord.cases.casefile;

/** Where a situation stands, in the order a case usually moves through. */
public enum CaseStatus {
    MONITORING, ESCALATING, ACTIVE_RESPONSE, STABILIZED, CLOSED
}
