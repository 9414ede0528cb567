package org.accord.notifications.access;

/** The calls a caller may make on a country's partner inbox, as answered with its settings. */
public enum PartnerOperation {
    /** {@code PUT /api/partners/{country}}. */
    UPDATE,
    /** {@code POST /api/partners/{country}/webhook-secret}. */
    ROTATE_SECRET,
    /** {@code GET /api/partners/{country}/deliveries}. */
    READ_DELIVERIES
}
