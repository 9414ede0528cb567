package org.accord.tasks.action;

/** The calls a caller may make on the action list of one case ({@code caseId} given), answered with each page. */
public enum ActionListOperation {
    /** {@code POST /api/tasks} with this case. */
    PROPOSE
}
