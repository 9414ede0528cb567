package org.accord.notifications.partners;

/** The caller may not manage this country's settings, or there is no such country: both answer the same. */
public class PartnerNotFoundException extends RuntimeException {

    PartnerNotFoundException() {
        super("There are no partner settings here that you may manage.");
    }
}
