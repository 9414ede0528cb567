package org.accord.cases.casefile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.accord.cases.events.CaseEvent;
import org.accord.cases.access.CaseAccessPolicy;
import org.accord.cases.sharing.CaseSharing;
import org.accord.cases.sharing.SharingEntry;
import org.accord.cases.sharing.Tlp;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * A case of threatened or ongoing mass atrocities, as one government opened it and shared it, with its timeline,
 * its risk assessments and the outbox of events it has recorded. Everything about one case is one document, so every
 * change and the events it causes are written together or not at all. The originating country and the owners come
 * from the creator's token, never from a request body.
 * <p>
 * {@code readerKeys} (stored as {@code audience}), {@code statusRank} and {@code riskRank} are derived here from the
 * other fields, for the list queries: who may find the case, and the workflow and severity orders to sort by.
 */
@Document("cases")
public record Case(
        @Id String id,
        String title,
        String summary,
        String situationCountry,
        CaseStatus status,
        Tlp tlp,
        List<SharingEntry> sharedWith,
        List<String> namedRecipients,
        List<String> owners,
        List<String> tags,
        String originCountry,
        RiskLevel riskLevel,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt,
        List<TimelineEntry> entries,
        List<RiskAssessment> assessments,
        Long eventSequence,
        List<CaseEvent> outbox,
        Long relayedSequence,
        Boolean outboxPending,
        @Field(CaseAccessPolicy.READER_KEYS) List<String> readerKeys,
        Integer statusRank,
        Integer riskRank,
        @Version Long version) implements CaseSharing {

    /** Keeps a case document far below MongoDB's 16 MB limit, with room for the outbox between relays. */
    public static final int MAX_ENTRIES = 500;
    public static final int MAX_ASSESSMENTS = 100;

    public Case {
        sharedWith = sharedWith == null ? List.of() : List.copyOf(sharedWith);
        namedRecipients = namedRecipients == null ? List.of() : List.copyOf(namedRecipients);
        owners = owners == null ? List.of() : List.copyOf(owners);
        tags = tags == null ? List.of() : List.copyOf(tags);
        entries = entries == null ? List.of() : List.copyOf(entries);
        assessments = assessments == null ? List.of() : List.copyOf(assessments);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
        // Boxed, so that documents stored before a field existed still load.
        eventSequence = eventSequence == null ? 0L : eventSequence;
        relayedSequence = relayedSequence == null ? 0L : relayedSequence;
        long handedOver = relayedSequence;
        outboxPending = outbox.stream().anyMatch(event -> event.sequence() > handedOver);
        readerKeys = CaseAccessPolicy.readerKeysOf(tlp, originCountry, sharedWith, namedRecipients, owners);
        statusRank = status == null ? 0 : status.ordinal();
        riskRank = riskLevel == null ? 0 : riskLevel.ordinal() + 1;
    }

    /** A case as its creator opens it: monitored, unassessed, with no timeline yet. */
    static Case opened(String id, String title, String summary, String situationCountry, Tlp tlp, List<SharingEntry> sharedWith,
            List<String> namedRecipients, List<String> tags, String creator, String country, Instant at) {
        return new Case(id, title, summary, situationCountry, CaseStatus.MONITORING, tlp, sharedWith,
                namedRecipients, List.of(creator), tags, country, null, creator, at, creator, at, List.of(),
                List.of(), 0L, List.of(), 0L, null, null, 0, 0, null);
    }

    /** The entity tag of this version, for {@code ETag} and {@code If-Match}. */
    public String etag() {
        return "\"" + version + "\"";
    }

    Case withContent(String title, String summary, String situationCountry, CaseStatus status, Tlp tlp,
            List<String> tags) {
        return new Case(id, title, summary, situationCountry, status, tlp, sharedWith, namedRecipients, owners, tags,
                originCountry, riskLevel, createdBy, createdAt, updatedBy, updatedAt, entries, assessments,
                eventSequence, outbox, relayedSequence, null, null, 0, 0, version);
    }

    Case withSharing(Tlp tlp, List<SharingEntry> sharedWith, List<String> namedRecipients) {
        return new Case(id, title, summary, situationCountry, status, tlp, sharedWith, namedRecipients, owners, tags,
                originCountry, riskLevel, createdBy, createdAt, updatedBy, updatedAt, entries, assessments,
                eventSequence, outbox, relayedSequence, null, null, 0, 0, version);
    }

    public Case withEntry(TimelineEntry entry) {
        List<TimelineEntry> timeline = new ArrayList<>(entries);
        timeline.add(entry);
        return new Case(id, title, summary, situationCountry, status, tlp, sharedWith, namedRecipients, owners, tags,
                originCountry, riskLevel, createdBy, createdAt, updatedBy, updatedAt, timeline, assessments,
                eventSequence, outbox, relayedSequence, null, null, 0, 0, version);
    }

    /** The case with one more assessment; the newest one sets the case's risk level. */
    public Case withAssessment(RiskAssessment assessment) {
        List<RiskAssessment> history = new ArrayList<>(assessments);
        history.add(assessment);
        return new Case(id, title, summary, situationCountry, status, tlp, sharedWith, namedRecipients, owners, tags,
                originCountry, assessment.riskLevel(), createdBy, createdAt, updatedBy, updatedAt, entries, history,
                eventSequence, outbox, relayedSequence, null, null, 0, 0, version);
    }

    /** The case as a write leaves it: who changed it when, and the events the change recorded. */
    Case revised(String by, Instant at, List<CaseEvent> events) {
        // Events the relay has handed over leave the outbox with the next write.
        List<CaseEvent> pending = new ArrayList<>(outbox.stream().filter(event -> event.sequence() > relayedSequence)
                .toList());
        pending.addAll(events);
        return new Case(id, title, summary, situationCountry, status, tlp, sharedWith, namedRecipients, owners, tags,
                originCountry, riskLevel, createdBy, createdAt, by, at, entries, assessments,
                eventSequence + events.size(), pending, relayedSequence, null, null, 0, 0, version);
    }
}
