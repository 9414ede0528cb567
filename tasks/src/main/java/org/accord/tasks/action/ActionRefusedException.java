package org.accord.tasks.action;

import java.util.List;

/** A well-formed request that names something the action cannot take: a case, a country or a person. */
public class ActionRefusedException extends RuntimeException {

    /** Why, as a stable problem type and title. */
    public enum Reason {
        UNKNOWN_CASE("unknown-case", "Unknown case"),
        COUNTRY_CANNOT_SEE_CASE("country-cannot-see-case", "Country cannot see the case"),
        UNKNOWN_ASSIGNEE("unknown-assignee", "Unknown assignee");

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
    private final List<String> countries;

    ActionRefusedException(Reason reason, String message, List<String> countries) {
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
