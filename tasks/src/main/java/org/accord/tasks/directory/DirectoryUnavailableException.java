package org.accord.tasks.directory;

/** The alliance realm could not say whether a user exists, so nobody is named on that ground. */
public class DirectoryUnavailableException extends RuntimeException {

    public DirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
