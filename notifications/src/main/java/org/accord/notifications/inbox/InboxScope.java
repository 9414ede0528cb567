package org.accord.notifications.inbox;

/** Whether an item was addressed to one person or to everyone of a country. */
public enum InboxScope { USER, COUNTRY }
