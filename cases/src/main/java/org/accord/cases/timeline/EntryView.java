package org.accord.cases.timeline;

import java.time.Instant;

import org.accord.identity.AllianceUser;

/**
 * A timeline entry as one caller sees it. A protected source is shown only to the country that recorded it; everyone
 * else learns that there is one, not what it is.
 */
public record EntryView(String id, EntryKind kind, String text, Instant occurredAt, String location, String source,
        boolean sourceProtected, String reliability, String recordedBy, String recordedByCountry, Instant recordedAt) {

    public static EntryView of(TimelineEntry entry, AllianceUser viewer) {
        boolean hidden = entry.sourceProtected() && !entry.recordedByCountry().equals(viewer.country());
        return new EntryView(entry.id(), entry.kind(), entry.text(), entry.occurredAt(), entry.location(),
                hidden ? null : entry.source(), entry.sourceProtected(), entry.reliability(), entry.recordedBy(),
                entry.recordedByCountry(), entry.recordedAt());
    }
}
