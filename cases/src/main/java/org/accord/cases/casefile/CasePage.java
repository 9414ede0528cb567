package org.accord.cases.casefile;

import java.util.List;

import org.accord.cases.access.CaseListOperation;

/**
 * One page of the cases a caller may see; {@code totalItems} counts only those. {@code allowedOperations} are the
 * calls the caller may make on the list itself (opening a case).
 */
record CasePage(List<CaseView> items, int page, int size, long totalItems,
        List<CaseListOperation> allowedOperations) {
}
