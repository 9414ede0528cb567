package org.accord.notifications.events;

/** Every event the cases and tasks services record; partners subscribe to the subset in {@code PartnerEventType}. */
public enum EventType {
    CaseCreated, CaseShared, CaseUpdated, CaseEscalated, EntryAdded,
    ActionProposed, ActionUpdated, ActionCancelled, AssignmentChanged, AssigneeSet, CommentAdded, ActionOverdue
}
