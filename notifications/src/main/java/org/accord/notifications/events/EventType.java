package org.accord.notifications.events;

/** Every event the cases and tasks services record; partners subscribe to the subset in {@code PartnerEventType}. */
public enum EventType {
    CaseCreated, CaseShared, CaseUpdated, CaseEscalated, EntryAdded,
    ActionProposed(true), ActionUpdated(true), ActionCancelled(true), AssignmentChanged(true), AssigneeSet(true),
    CommentAdded(true), ActionOverdue(true);

    private final boolean ofAnAction;

    EventType() {
        this(false);
    }

    EventType(boolean ofAnAction) {
        this.ofAnAction = ofAnAction;
    }

    /** Whether tasks records it, about an action; else cases does, about a case. */
    public boolean ofAnAction() {
        return ofAnAction;
    }
}
