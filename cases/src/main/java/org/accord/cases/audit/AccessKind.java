package org.accord.cases.audit;

/**
 * The kind of access to a case an audit entry records: what a caller did or tried to do with it, answered as the
 * entry's {@code action}. {@code READ_AUDIENCE} is a platform service reading who may see the case, with its title and
 * summary, to address or notify them; the stored and answered values keep these names.
 */
public enum AccessKind {
    OPEN, READ, READ_ENTRIES, READ_ASSESSMENTS, UPDATE, SHARE, ADD_ENTRY, ADD_ASSESSMENT, READ_AUDIT, VERIFY_AUDIT,
    READ_AUDIENCE
}
