package org.accord.cases.access;

/** The calls a caller may make on the case list itself, answered with every page of it. */
public enum CaseListOperation {
    /** {@code POST /api/cases}. */
    OPEN
}
