package org.accord.cases.audit;

import java.util.List;

/** One page of a case's audit, newest first. */
public record AuditPage(List<AuditEntryView> items, int page, int size, long totalItems) {
}
