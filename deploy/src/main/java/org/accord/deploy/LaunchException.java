package org.accord.deploy;

/** Why the platform could not start, told in words a person running the launcher can act on. */
public class LaunchException extends RuntimeException {

    public LaunchException(String message) {
        super(message);
    }

    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
