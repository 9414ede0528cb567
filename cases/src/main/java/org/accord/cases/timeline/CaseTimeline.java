package org.accord.cases.timeline;

import org.accord.cases.casefile.TimelineEntry;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.accord.cases.audit.AccessKind;
import org.accord.cases.casefile.Case;
import org.accord.cases.casefile.CaseService;
import org.accord.cases.casefile.Revision;
import org.accord.cases.events.CaseEvent;
import org.accord.cases.access.CaseAction;
import org.accord.identity.AllianceUser;
import org.springframework.stereotype.Service;

/** Adds entries to case timelines and reads them back, through the case's access rules and audit. */
@Service
class CaseTimeline {

    private final CaseService cases;

    CaseTimeline(CaseService cases) {
        this.cases = cases;
    }

    /** Records the entry and its {@code EntryAdded} event in one write; answers the case as stored and the entry. */
    Added add(String caseId, NewEntry request, String ifMatch, AllianceUser user) {
        TimelineEntry entry = new TimelineEntry(UUID.randomUUID().toString(), request.kind(), request.text(),
                request.occurredAt().truncatedTo(ChronoUnit.MILLIS), request.location(), request.source(),
                request.protectsSource(), request.reliability(), user.username(), user.country(), cases.now());
        Case saved = cases.write(caseId, user, CaseAction.CONTRIBUTE, AccessKind.ADD_ENTRY, ifMatch, false,
                current -> {
                    CaseService.requireRoomFor(current, current.entries().size(), Case.MAX_ENTRIES,
                            "timeline entries");
                    return Revision.of(current.withEntry(entry),
                            CaseEvent.entryAdded(entry.id(), entry.kind().name()));
                });
        return new Added(saved, entry);
    }

    Case read(String caseId, AllianceUser user) {
        return cases.read(caseId, user, AccessKind.READ_ENTRIES);
    }

    record Added(Case saved, TimelineEntry entry) {
    }
}
