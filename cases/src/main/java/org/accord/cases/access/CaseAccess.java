package org.accord.cases.access;

/** How far a caller's country reaches into one case, from nothing to the originator's rights. */
public enum CaseAccess {
    NONE, READ, CONTRIBUTE, ORIGINATOR
}
