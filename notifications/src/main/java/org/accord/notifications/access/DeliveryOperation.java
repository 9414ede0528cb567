package org.accord.notifications.access;

/** The calls a caller may make on one delivery of a country's delivery log, as answered in the log. */
public enum DeliveryOperation {
    /** {@code POST /api/partners/{country}/deliveries/{id}/redrive}. */
    REDRIVE
}
