package org.accord.cases.casefile;

import java.time.Instant;
import java.util.Comparator;

import org.springframework.data.mongodb.core.mapping.Field;

/**
 * One entry of a case's timeline as stored. The source is kept in full; who may read it is decided when the entry is
 * shown, by the country that recorded it.
 *
 * @param reliability the Admiralty grade: source reliability {@code A}–{@code F}, information credibility
 *                    {@code 1}–{@code 6}, e.g. {@code B2}
 */
public record TimelineEntry(
        @Field("id") String id,
        EntryKind kind,
        String text,
        Instant occurredAt,
        String location,
        String source,
        boolean sourceProtected,
        String reliability,
        String recordedBy,
        String recordedByCountry,
        Instant recordedAt) {

    /** The order things happened; entries about the same moment in the order they were recorded. */
    public static final Comparator<TimelineEntry> CHRONOLOGICAL = Comparator.comparing(TimelineEntry::occurredAt)
            .thenComparing(TimelineEntry::recordedAt);
}
