package org.accord.tasks.action;

/**
 * The filters of {@code GET /api/tasks}. {@code country}, {@code status}, {@code assignedToMe} and {@code overdue}
 * all speak of one and the same assignment of an action: {@code country=CA&status=DECLINED} finds the actions that
 * Canada declined.
 */
record ActionQuery(CaseFilter caseId, String country, AssignmentStatus status, boolean assignedToMe, boolean overdue,
        int page, int size) {
}
