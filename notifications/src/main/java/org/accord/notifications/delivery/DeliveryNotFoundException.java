package org.accord.notifications.delivery;

/** No such delivery in a log the caller may read: answered the same as a log the caller may not read. */
public class DeliveryNotFoundException extends RuntimeException {

    public DeliveryNotFoundException() {
        super("There is no such delivery log or delivery here that you may see.");
    }
}
