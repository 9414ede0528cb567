package org.accord.cases.events;

/** The events a case records for others to hear of; the names are the platform's event types. */
public enum CaseEventType {
    CaseCreated, CaseShared, CaseUpdated, CaseEscalated, EntryAdded
}
