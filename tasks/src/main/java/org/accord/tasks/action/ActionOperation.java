package org.accord.tasks.action;

/** The calls a caller may make on one action, as answered in its {@code allowedOperations}. */
public enum ActionOperation {
    /** {@code PATCH /api/tasks/{id}} on an open action. */
    EDIT,
    /** {@code POST /api/tasks/{id}/cancellation} on an open action. */
    CANCEL,
    /** {@code POST /api/tasks/{id}/comments}. */
    COMMENT
}
