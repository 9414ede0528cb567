package org.accord.tasks.action;

/** An action stays open until the requesting country cancels it; its assignments carry the progress. */
public enum ActionStatus {
    OPEN, CANCELLED
}
