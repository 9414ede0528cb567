package org.accord.cases.access;

/** The caller may see what it acts on, but its role or country does not allow the action. */
public class ActionNotAllowedException extends RuntimeException {

    public ActionNotAllowedException(String message) {
        super(message);
    }
}
