package org.accord.notifications.digest;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The mails one country collects over one period, sent as one once the period has ended. {@code closedAt} is set
 * after the digest has been handed to delivery; until then a crashed closing is simply done again.
 */
@Document("mail_digests")
record MailDigest(@Id String id, String country, Instant opensAt, Instant closesAt, List<DigestEntry> entries,
        Instant closedAt) {
}
