package org.accord.cases.audit;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.accord.identity.AllianceUser;
import org.accord.identity.InternalCaller;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The access audit of every case: one hash chain per case, appended to on every read, change, share and denied
 * attempt. Every read and write here is a lookup by id, so the audit stays fast however long the chains grow.
 */
@Component
public class AccessAudit {

    private static final int BATCH = 100;
    private static final int ATTEMPTS = 50;

    private final MongoOperations mongo;
    private final Clock clock;

    AccessAudit(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Appends one entry to the case's chain. Concurrent writers race for the next sequence number through the unique
     * id; the loser helps the winner's entry become the head and tries the number after it.
     */
    public void record(String caseId, AllianceUser user, AccessKind action, AuditOutcome outcome, Long caseVersion) {
        record(caseId, user.username(), user.country(), action, outcome, caseVersion);
    }

    /**
     * Appends one entry for a platform client rather than a person, named as records name it
     * ({@code service:accord-notifications}), of no country.
     */
    public void record(String caseId, InternalCaller caller, AccessKind action, AuditOutcome outcome,
            Long caseVersion) {
        record(caseId, caller.recordedAs(), null, action, outcome, caseVersion);
    }

    private void record(String caseId, String actor, String country, AccessKind action, AuditOutcome outcome,
            Long caseVersion) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            AuditTrail head = headOf(caseId);
            AuditEntry entry = AuditEntry.link(caseId, head.length() + 1, at, actor, country, action, outcome,
                    caseVersion, head.lastHash());
            try {
                mongo.insert(entry);
                advance(head, entry);
                return;
            } catch (DuplicateKeyException taken) {
                AuditEntry winner = mongo.findById(AuditEntry.idOf(caseId, head.length() + 1), AuditEntry.class);
                if (winner != null) {
                    advance(head, winner);
                }
            }
        }
        throw new IllegalStateException("the audit chain of a case stayed contended for " + ATTEMPTS + " attempts");
    }

    /** A page of the chain, newest first. */
    public AuditPage page(String caseId, int page, int size) {
        long length = lengthOf(caseId);
        long newest = length - (long) page * size;
        if (newest < 1) {
            return new AuditPage(List.of(), page, size, length);
        }
        long oldest = Math.max(1, newest - size + 1);
        List<AuditEntryView> items = entries(caseId, oldest, newest).values().stream()
                .sorted(Comparator.comparingLong(AuditEntry::sequence).reversed())
                .map(AuditEntryView::of)
                .toList();
        return new AuditPage(items, page, size, length);
    }

    /** Walks the whole chain from its first entry and reports the first link that does not hold. */
    public ChainVerification verify(String caseId) {
        AuditTrail head = headOf(caseId);
        long length = lengthOf(caseId);
        String previousHash = AuditEntry.GENESIS;
        String headHash = null;
        for (long from = 1; from <= length; from += BATCH) {
            long to = Math.min(length, from + BATCH - 1);
            Map<String, AuditEntry> batch = entries(caseId, from, to);
            for (long sequence = from; sequence <= to; sequence++) {
                AuditEntry entry = batch.get(AuditEntry.idOf(caseId, sequence));
                if (entry == null) {
                    return ChainVerification.broken(length, sequence, "the entry is missing");
                }
                if (!entry.caseId().equals(caseId) || entry.sequence() != sequence) {
                    return ChainVerification.broken(length, sequence, "the entry was moved");
                }
                if (!previousHash.equals(entry.previousHash())) {
                    return ChainVerification.broken(length, sequence,
                            "the entry does not name its predecessor's hash");
                }
                if (!entry.computedHash().equals(entry.hash())) {
                    return ChainVerification.broken(length, sequence, "the entry's content does not match its hash");
                }
                previousHash = entry.hash();
                if (sequence == head.length()) {
                    headHash = entry.hash();
                }
            }
        }
        if (head.length() > 0 && !head.lastHash().equals(headHash)) {
            return ChainVerification.broken(length, head.length(), "the chain's head does not match its last entry");
        }
        return ChainVerification.intact(length);
    }

    private long lengthOf(String caseId) {
        long length = headOf(caseId).length();
        // The head may lag one entry behind a writer that stopped before moving it.
        return mongo.exists(query(where("_id").is(AuditEntry.idOf(caseId, length + 1))), AuditEntry.class)
                ? length + 1
                : length;
    }

    private Map<String, AuditEntry> entries(String caseId, long from, long to) {
        List<String> ids = new ArrayList<>();
        for (long sequence = from; sequence <= to; sequence++) {
            ids.add(AuditEntry.idOf(caseId, sequence));
        }
        return mongo.find(query(where("_id").in(ids)), AuditEntry.class).stream()
                .collect(Collectors.toMap(AuditEntry::id, Function.identity()));
    }

    private AuditTrail headOf(String caseId) {
        AuditTrail head = mongo.findById(caseId, AuditTrail.class);
        return head != null ? head : new AuditTrail(caseId, 0, AuditEntry.GENESIS);
    }

    private void advance(AuditTrail head, AuditEntry next) {
        try {
            mongo.upsert(query(where("_id").is(head.caseId()).and("length").is(head.length())),
                    new Update().set("length", next.sequence()).set("lastHash", next.hash()), AuditTrail.class);
        } catch (DuplicateKeyException movedOn) {
            // Another writer moved the head past this entry already.
        }
    }
}
