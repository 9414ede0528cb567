package org.accord.notifications.inbox;

/** No such item, or not the caller's: both answer the same. */
public class InboxItemNotFoundException extends RuntimeException {

    public InboxItemNotFoundException() {
        super("There is no notification with this id in your inbox.");
    }
}
