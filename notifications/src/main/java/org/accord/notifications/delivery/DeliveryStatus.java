package org.accord.notifications.delivery;

/**
 * Where a delivery stands: waiting for its first attempt, delivered, failed at least once and due again, or parked as
 * a dead letter that only a redrive sends again.
 */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED, PARKED
}
