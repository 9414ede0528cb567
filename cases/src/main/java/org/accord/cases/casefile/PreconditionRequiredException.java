package org.accord.cases.casefile;

/** A change came without {@code If-Match}: it would overwrite whatever changed since the caller last read. */
public class PreconditionRequiredException extends RuntimeException {

    public PreconditionRequiredException() {
        super("If-Match required");
    }
}
