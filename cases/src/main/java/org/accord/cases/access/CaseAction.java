package org.accord.cases.access;

/** What a caller tries to do with a case; the access policy decides each one. */
public enum CaseAction {
    /** Read the case, its timeline and its assessments. */
    READ,
    /** Change the editable fields: title, summary, situation country, status, tags. */
    EDIT,
    /** Add timeline entries and risk assessments. */
    CONTRIBUTE,
    /** Change the TLP label. */
    RELABEL,
    /** Close the case or reopen a closed one. */
    CLOSE,
    /** Change who the case is shared with. */
    SHARE,
    /** Read the access audit and check its chain. */
    READ_AUDIT
}
