package org.accord.cases.casefile;

/** The case is in a state that does not allow the change: closed, full, or changing too fast to get a word in. */
public class CaseConflictException extends RuntimeException {

    public enum Reason {
        CASE_CLOSED("case-closed", "Case closed"),
        LIMIT_REACHED("limit-reached", "Limit reached"),
        CONCURRENT_CHANGE("concurrent-change", "Concurrent change");

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

    public CaseConflictException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
