package org.accord.tasks.action;

/** A change that the action's current state does not allow. */
public class ActionConflictException extends RuntimeException {

    /** Why, as a stable problem type and title. */
    public enum Reason {
        ILLEGAL_TRANSITION("illegal-transition", "Transition not allowed"),
        ACTION_CANCELLED("action-cancelled", "Action cancelled"),
        ASSIGNMENT_CLOSED("assignment-closed", "Assignment closed"),
        LIMIT_REACHED("limit-reached", "Limit reached"),
        CONCURRENT_CHANGE("concurrent-change", "Changed concurrently");

        private final String type;
        private final String title;

        Reason(String type, String title) {
            this.type = type;
            this.title = title;
        }

        public String type() {
            return type;
        }

        public String title() {
            return title;
        }
    }

    private final Reason reason;

    ActionConflictException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
