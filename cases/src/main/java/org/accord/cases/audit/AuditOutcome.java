package org.accord.cases.audit;

/** Whether the attempt was allowed, and if not, whether the caller was told the case does not exist or 403. */
public enum AuditOutcome {
    GRANTED, DENIED_NOT_VISIBLE, DENIED_FORBIDDEN
}
