package org.accord.cases.events;

import java.time.Instant;
import java.util.List;

import org.accord.cases.sharing.SharingEntry;
import org.accord.cases.sharing.Tlp;
import org.springframework.data.mongodb.core.mapping.Field;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One event in a case's outbox. It is written in the same single-document write as the change it reports, so a crash
 * can never leave one without the other. {@code id} is the idempotency key for whoever relays it; {@code sequence}
 * counts the case's events from 1 without gaps, so they can be delivered in order. Only the fields of its type are
 * set.
 *
 * @param tlp            CaseCreated, CaseShared: the label now
 * @param sharedWith     CaseCreated, CaseShared: the sharing list now
 * @param namedRecipients CaseCreated, CaseShared: the named recipients now
 * @param changedFields  CaseUpdated: the names of the fields that changed
 * @param previousRiskLevel CaseEscalated: the level before, {@code null} if the case had none
 * @param riskLevel      CaseEscalated: the level now
 * @param assessmentId   CaseEscalated: the assessment that raised it
 * @param entryId        EntryAdded: the new timeline entry
 * @param entryKind      EntryAdded: its kind
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseEvent(
        @Field("id") String id,
        CaseEventType type,
        long sequence,
        String caseId,
        Instant occurredAt,
        String actor,
        String actorCountry,
        Tlp tlp,
        List<SharingEntry> sharedWith,
        List<String> namedRecipients,
        List<String> changedFields,
        String previousRiskLevel,
        String riskLevel,
        String assessmentId,
        String entryId,
        String entryKind) {

    /** An event of one type, before the write that records it gives it its identity. */
    @FunctionalInterface
    public interface Draft {
        CaseEvent stamp(EventStamp stamp);
    }

    public static Draft caseCreated(Tlp tlp, List<SharingEntry> sharedWith, List<String> namedRecipients) {
        return s -> of(s, CaseEventType.CaseCreated, tlp, sharedWith, namedRecipients, null, null, null, null, null,
                null);
    }

    public static Draft caseShared(Tlp tlp, List<SharingEntry> sharedWith, List<String> namedRecipients) {
        return s -> of(s, CaseEventType.CaseShared, tlp, sharedWith, namedRecipients, null, null, null, null, null,
                null);
    }

    public static Draft caseUpdated(List<String> changedFields) {
        return s -> of(s, CaseEventType.CaseUpdated, null, null, null, changedFields, null, null, null, null, null);
    }

    public static Draft caseEscalated(String previousRiskLevel, String riskLevel, String assessmentId) {
        return s -> of(s, CaseEventType.CaseEscalated, null, null, null, null, previousRiskLevel, riskLevel,
                assessmentId, null, null);
    }

    public static Draft entryAdded(String entryId, String entryKind) {
        return s -> of(s, CaseEventType.EntryAdded, null, null, null, null, null, null, null, entryId, entryKind);
    }

    private static CaseEvent of(EventStamp s, CaseEventType type, Tlp tlp, List<SharingEntry> sharedWith,
            List<String> namedRecipients, List<String> changedFields, String previousRiskLevel, String riskLevel,
            String assessmentId, String entryId, String entryKind) {
        return new CaseEvent(s.id(), type, s.sequence(), s.caseId(), s.occurredAt(), s.actor(), s.actorCountry(), tlp,
                sharedWith, namedRecipients, changedFields, previousRiskLevel, riskLevel, assessmentId, entryId,
                entryKind);
    }
}
