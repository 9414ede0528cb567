package org.accord.cases.events;

import java.time.Instant;

/** What every event of a case carries, whatever its type: given by the write that records it. */
public record EventStamp(String id, long sequence, String caseId, Instant occurredAt, String actor,
        String actorCountry) {
}
