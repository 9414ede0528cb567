package org.accord.cases.casefile;

import java.util.List;

import org.accord.cases.events.CaseEvent;

/**
 * What one change makes of a case: the case as it should be stored and the events the change records. An unchanged
 * revision is not written at all.
 */
public record Revision(Case next, List<CaseEvent.Draft> events, boolean changed) {

    public static Revision unchanged(Case current) {
        return new Revision(current, List.of(), false);
    }

    public static Revision of(Case next, CaseEvent.Draft... events) {
        return new Revision(next, List.of(events), true);
    }

    public static Revision of(Case next, List<CaseEvent.Draft> events) {
        return new Revision(next, List.copyOf(events), true);
    }
}
