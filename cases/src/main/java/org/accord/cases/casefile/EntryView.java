package org.accord.cases.casefile;

import org.accord.cases.casefile.EntryKind;
import org.accord.cases.casefile.TimelineEntry;
import java.time.Instant;
import java.util.List;

import org.accord.identity.AllianceUser;

/**
 * A timeline entry as one caller sees it. A protected source is shown only to the country that recorded it; everyone
 * else learns that there is one, not what it is.
 */
public record EntryView(String id, EntryKind kind, String text, Instant occurredAt, String location, String source,
        boolean sourceProtected, String reliability, String recordedBy, String recordedByCountry, Instant recordedAt) {

    /** A case's timeline in the order things happened, as the caller may see it. */
    public static List<EntryView> timelineOf(List<TimelineEntry> entries, AllianceUser viewer) {
        return entries.stream().sorted(TimelineEntry.CHRONOLOGICAL).map(entry -> of(entry, viewer)).toList();
    }

    public static EntryView of(TimelineEntry entry, AllianceUser viewer) {
        boolean hidden = entry.sourceProtected() && !entry.recordedByCountry().equals(viewer.country());
        return new EntryView(entry.id(), entry.kind(), entry.text(), entry.occurredAt(), entry.location(),
                hidden ? null : entry.source(), entry.sourceProtected(), entry.reliability(), entry.recordedBy(),
                entry.recordedByCountry(), entry.recordedAt());
    }
}
