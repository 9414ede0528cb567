package org.accord.notifications.delivery;

/** How a partner inbox is reached outside the platform. */
public enum Channel {
    WEBHOOK, EMAIL
}
