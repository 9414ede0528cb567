package org.accord.tasks.action;

/** No action (or assignment) the caller may see: the same answer whether it does not exist or is hidden. */
public class ActionNotFoundException extends RuntimeException {

    ActionNotFoundException(String message) {
        super(message);
    }

    public static ActionNotFoundException action() {
        return new ActionNotFoundException("There is no action with this id that you may see.");
    }
}
