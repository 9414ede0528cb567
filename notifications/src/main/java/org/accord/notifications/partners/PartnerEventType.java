package org.accord.notifications.partners;

/** The event types a partner may subscribe to, as named in the API. */
public enum PartnerEventType {
    CaseShared, CaseUpdated, CaseEscalated, EntryAdded, ActionProposed, ActionUpdated, ActionCancelled,
    AssignmentChanged, AssigneeSet, CommentAdded, ActionOverdue
}
