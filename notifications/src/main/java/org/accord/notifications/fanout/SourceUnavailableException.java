package org.accord.notifications.fanout;

/**
 * A service an event is checked against (cases for its case, tasks for its action) could not answer; the event waits,
 * since nothing goes out unchecked.
 */
public class SourceUnavailableException extends RuntimeException {

    SourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
