package org.accord.notifications.access;

/** The calls a reader may make on an item of their inbox, as answered in its {@code allowedOperations}. */
public enum InboxItemOperation {
    /** {@code POST /api/notifications/{id}/read}; marking an item read again changes nothing and succeeds. */
    MARK_READ
}
