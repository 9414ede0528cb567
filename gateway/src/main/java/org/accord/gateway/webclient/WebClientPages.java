package org.accord.gateway.webclient;

import java.util.List;

/**
 * The addresses at which the web client opens a page of its own. Partner mails and inbox items link to them, so a
 * browser that is sent to sign in on the way there is brought back to the same place.
 */
public final class WebClientPages {

    static final String CASES = "/cases";
    static final String CASE = "/cases/**";
    static final String TASK = "/tasks/**";
    static final String INBOX = "/inbox";
    static final String PARTNERS = "/partners";
    static final String PARTNER = "/partners/**";

    /** Path patterns of every page address. */
    public static final List<String> ADDRESSES = List.of(CASES, CASE, TASK, INBOX, PARTNERS, PARTNER);

    private WebClientPages() {
    }
}
