package org.accord.tasks.action;

import java.util.List;

/**
 * A well-formed request that the action cannot take: a change its current state does not allow (409), or a case,
 * country or person it cannot name (422).
 */
public class ActionRefusedException extends RuntimeException {

    /** Why, as an HTTP status and a stable problem type and title. */
    public enum Reason {
        ILLEGAL_TRANSITION(409, "illegal-transition", "Transition not allowed"),
        ACTION_CANCELLED(409, "action-cancelled", "Action cancelled"),
        ASSIGNMENT_CLOSED(409, "assignment-closed", "Assignment closed"),
        LIMIT_REACHED(409, "limit-reached", "Limit reached"),
        CONCURRENT_CHANGE(409, "concurrent-change", "Changed concurrently"),
        UNKNOWN_CASE(422, "unknown-case", "Unknown case"),
        COUNTRY_CANNOT_SEE_CASE(422, "country-cannot-see-case", "Country cannot see the case"),
        UNKNOWN_ASSIGNEE(422, "unknown-assignee", "Unknown assignee");

        private final int status;
        private final String type;
        private final String title;

        Reason(int status, String type, String title) {
            this.status = status;
            this.type = type;
            this.title = title;
        }

        public int status() {
            return status;
        }

        public String type() {
            return type;
        }

        public String title() {
            return title;
        }
    }

    private final Reason reason;
    private final List<String> countries;

    /** No case of this id that the caller may see, however the id was spelt. */
    public static ActionRefusedException unknownCase() {
        return new ActionRefusedException(Reason.UNKNOWN_CASE, "There is no case with this id that you may see.",
                List.of());
    }

    ActionRefusedException(Reason reason, String message) {
        this(reason, message, List.of());
    }

    public ActionRefusedException(Reason reason, String message, List<String> countries) {
        super(message);
        this.reason = reason;
        this.countries = List.copyOf(countries);
    }

    public Reason reason() {
        return reason;
    }

    /** The countries the refusal names, if any. */
    public List<String> countries() {
        return countries;
    }
}
