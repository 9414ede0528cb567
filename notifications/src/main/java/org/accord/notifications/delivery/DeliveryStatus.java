package org.accord.notifications.delivery;

/**
 * Where a delivery stands: waiting for its first attempt, delivered, failed at least once and due again, parked as a
 * dead letter that only a redrive sends again, or withdrawn because its country may no longer receive what it tells
 * of (never attempted again, nor redriven).
 */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED, PARKED, WITHDRAWN
}
