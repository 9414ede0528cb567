package org.accord.tasks.action;

import java.util.List;

/** One page of the actions a caller may see; {@code totalItems} counts only those. */
record ActionPage(List<ActionView> items, int page, int size, long totalItems) {
}
