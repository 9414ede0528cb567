package org.accord.notifications.delivery;

/** Only a parked or failed delivery that no instance is sending right now goes back to the queue. */
public class DeliveryNotRedrivableException extends RuntimeException {

    DeliveryNotRedrivableException(DeliveryStatus status) {
        super(switch (status) {
            case FAILED -> "The delivery is being attempted right now; try again shortly.";
            case WITHDRAWN -> "The delivery is withdrawn: its country may no longer receive what it tells of.";
            default -> "Only a parked or failed delivery can be redriven; this one is " + status + ".";
        });
    }
}
