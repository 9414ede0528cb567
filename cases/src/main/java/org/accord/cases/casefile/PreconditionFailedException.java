package org.accord.cases.casefile;

/** The case changed since the version the caller named in {@code If-Match}. */
public class PreconditionFailedException extends RuntimeException {

    private final String currentEtag;

    public PreconditionFailedException(String currentEtag) {
        super("stale If-Match");
        this.currentEtag = currentEtag;
    }

    public String currentEtag() {
        return currentEtag;
    }
}
