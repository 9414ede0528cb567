package org.accord.cases.timeline;

/** What a timeline entry records. */
public enum EntryKind {
    INCIDENT, OBSERVATION, EVIDENCE
}
