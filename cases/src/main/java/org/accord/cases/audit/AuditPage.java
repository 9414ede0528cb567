package org.accord.cases.audit;

import java.util.List;

/** One page of a case's audit, newest first. */
record AuditPage(List<AuditEntryView> items, int page, int size, long totalItems) {
}
