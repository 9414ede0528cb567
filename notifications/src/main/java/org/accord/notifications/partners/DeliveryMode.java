package org.accord.notifications.partners;

/** Each event as it happens, or one mail an hour listing them. */
public enum DeliveryMode { IMMEDIATE, HOURLY_DIGEST }
