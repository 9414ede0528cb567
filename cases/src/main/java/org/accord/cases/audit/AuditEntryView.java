package org.accord.cases.audit;

import java.time.Instant;

/** An audit entry as the originating country reads it. */
public record AuditEntryView(long sequence, Instant at, String user, String country, AccessKind action,
        AuditOutcome outcome, Long caseVersion, String previousHash, String hash) {

    static AuditEntryView of(AuditEntry entry) {
        return new AuditEntryView(entry.sequence(), entry.at(), entry.username(), entry.country(), entry.action(),
                entry.outcome(), entry.caseVersion(), entry.previousHash(), entry.hash());
    }
}
