package org.accord.tasks.action;

/** The kinds of coordinated action allies take together. */
public enum ActionType {
    SANCTIONS_DESIGNATION, DIPLOMATIC_DEMARCHE, EVIDENCE_PRESERVATION, HUMANITARIAN_ACCESS, CIVILIAN_PROTECTION,
    LEGAL_REFERRAL, PUBLIC_STATEMENT, OTHER
}
