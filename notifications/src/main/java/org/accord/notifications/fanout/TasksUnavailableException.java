package org.accord.notifications.fanout;

/** Tasks could not say which case and countries an action has; its events wait. */
public class TasksUnavailableException extends SourceUnavailableException {

    TasksUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
