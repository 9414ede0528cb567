package org.accord.tasks.events;

/** What happened to a coordinated action, as partners may subscribe to it. */
public enum ActionEventType {
    ActionProposed, ActionUpdated, ActionCancelled, AssignmentChanged, AssigneeSet, CommentAdded, ActionOverdue
}
