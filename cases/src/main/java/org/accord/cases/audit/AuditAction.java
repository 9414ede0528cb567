package org.accord.cases.audit;

/**
 * What a caller did or tried to do with a case, as its access audit records it. {@code READ_AUDIENCE} is a platform
 * service reading who may see the case, with its title and summary, to address or notify them.
 */
public enum AuditAction {
    OPEN, READ, READ_ENTRIES, READ_ASSESSMENTS, UPDATE, SHARE, ADD_ENTRY, ADD_ASSESSMENT, READ_AUDIT, VERIFY_AUDIT,
    READ_AUDIENCE
}
