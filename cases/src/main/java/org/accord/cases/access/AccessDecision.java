package org.accord.cases.access;

/**
 * The policy's answer to one attempt. {@code NOT_VISIBLE} must look to the caller exactly like a case that does not
 * exist; {@code FORBIDDEN} carries the reason the caller may read.
 */
public record AccessDecision(Outcome outcome, String reason) {

    public enum Outcome {
        GRANTED, NOT_VISIBLE, FORBIDDEN
    }

    static final AccessDecision GRANTED = new AccessDecision(Outcome.GRANTED, null);
    static final AccessDecision NOT_VISIBLE = new AccessDecision(Outcome.NOT_VISIBLE, null);

    static AccessDecision forbidden(String reason) {
        return new AccessDecision(Outcome.FORBIDDEN, reason);
    }

    public boolean granted() {
        return outcome == Outcome.GRANTED;
    }
}
