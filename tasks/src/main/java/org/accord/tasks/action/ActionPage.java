package org.accord.tasks.action;

import java.util.List;

/**
 * One page of the actions a caller may see; {@code totalItems} counts only those. {@code allowedOperations} are the
 * calls the caller may make on the list of one case's actions (proposing one), empty without {@code caseId}.
 */
record ActionPage(List<ActionView> items, int page, int size, long totalItems,
        List<ActionListOperation> allowedOperations) {
}
