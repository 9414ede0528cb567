package org.accord.cases.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One link of a case's audit chain. Its id is the case id and the sequence number, so reading a page of the chain is
 * a lookup of known ids. {@code hash} covers every other field and the previous link's hash: editing, removing or
 * reordering a stored entry shows when the chain is checked.
 */
@Document("caseAudit")
record AuditEntry(
        @Id String id,
        String caseId,
        long sequence,
        Instant at,
        String username,
        String country,
        AccessKind action,
        AuditOutcome outcome,
        Long caseVersion,
        String previousHash,
        String hash) {

    /** The previous hash of a chain's first entry. */
    static final String GENESIS = "0".repeat(64);

    static String idOf(String caseId, long sequence) {
        return caseId + ":" + String.format("%012d", sequence);
    }

    static AuditEntry link(String caseId, long sequence, Instant at, String username, String country,
            AccessKind action, AuditOutcome outcome, Long caseVersion, String previousHash) {
        AuditEntry unsealed = new AuditEntry(idOf(caseId, sequence), caseId, sequence, at, username, country, action,
                outcome, caseVersion, previousHash, null);
        return new AuditEntry(unsealed.id, caseId, sequence, at, username, country, action, outcome, caseVersion,
                previousHash, unsealed.computedHash());
    }

    /** SHA-256 over the length-prefixed fields, so no two different entries encode alike. */
    String computedHash() {
        StringBuilder canonical = new StringBuilder();
        for (Object field : new Object[] { caseId, sequence, at, username, country, action, outcome, caseVersion,
                previousHash }) {
            String text = String.valueOf(field);
            canonical.append(text.length()).append(':').append(text).append(';');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
