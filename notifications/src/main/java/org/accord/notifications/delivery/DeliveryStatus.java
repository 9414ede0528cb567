package org.accord.notifications.delivery;

import java.util.List;

/**
 * Where a delivery stands: waiting for its first attempt, delivered, failed at least once and due again, parked as a
 * dead letter that only a redrive sends again, or withdrawn because its country may no longer receive what it tells
 * of (never attempted again, nor redriven).
 */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED, PARKED, WITHDRAWN;

    /** The statuses a liaison's redrive takes: a delivery that failed and one parked as a dead letter. */
    public static final List<DeliveryStatus> REDRIVABLE = List.of(FAILED, PARKED);

    public boolean redrivable() {
        return REDRIVABLE.contains(this);
    }
}
