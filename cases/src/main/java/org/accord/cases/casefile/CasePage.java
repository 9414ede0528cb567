package org.accord.cases.casefile;

import java.util.List;

/** One page of the cases a caller may see; {@code totalItems} counts only those. */
record CasePage(List<CaseView> items, int page, int size, long totalItems) {
}
