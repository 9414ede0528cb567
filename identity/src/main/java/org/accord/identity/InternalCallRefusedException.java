package org.accord.identity;

/**
 * An internal call the caller's client or role does not open, as the service's access policy decided it: answered
 * {@code 403} before anything is read or changed.
 */
public class InternalCallRefusedException extends RuntimeException {

    public InternalCallRefusedException(String call) {
        super("This client may not " + call + ".");
    }
}
