package org.accord.tasks.action;

/** A visible action the caller may not change in this way. */
public class ActionNotAllowedException extends RuntimeException {

    public ActionNotAllowedException(String message) {
        super(message);
    }
}
