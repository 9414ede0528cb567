package org.accord.tasks.action;

/** The action changed since the version the caller named in {@code If-Match}. */
public class PreconditionFailedException extends RuntimeException {

    private final String currentEtag;

    PreconditionFailedException(String currentEtag) {
        super("The action changed since the version named in If-Match.");
        this.currentEtag = currentEtag;
    }

    public String currentEtag() {
        return currentEtag;
    }
}
