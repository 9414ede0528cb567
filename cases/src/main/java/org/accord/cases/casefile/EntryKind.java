package org.accord.cases.casefile;

/** What a timeline entry records. */
public enum EntryKind {
    INCIDENT, OBSERVATION, EVIDENCE
}
