package org.accord.tasks.events;

import java.time.Instant;

/** What every event of an action carries, whatever its type: given by the write that records it. */
public record EventStamp(String id, long sequence, String actionId, String caseId, Instant occurredAt, String actor,
        String actorCountry) {
}
