package org.accord.cases.audit;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The head of a case's audit chain: how many entries it has and the last one's hash. A writer that stops between
 * adding an entry and moving the head leaves the head one behind; the next writer finds the entry and moves it on.
 */
@Document("caseAuditTrails")
record AuditTrail(@Id String caseId, long length, String lastHash) {
}
