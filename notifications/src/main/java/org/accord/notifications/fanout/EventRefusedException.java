package org.accord.notifications.fanout;

/**
 * A received event that does not fit what its sources keep (its case or action is unknown, or its ids and countries
 * do not belong together): it is parked at once with this reason and reaches nobody.
 */
public class EventRefusedException extends RuntimeException {

    EventRefusedException(String reason) {
        super(reason);
    }
}
