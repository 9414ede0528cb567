package org.accord.identity;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An access policy's answer to one attempt, the same type in every service. It lives in identity, beside the
 * {@link AllianceUser} and {@link InternalCaller} every policy decides on, because identity is the one library all
 * services share for security. {@code NOT_VISIBLE} needs nothing: the service answers it exactly as a resource that
 * does not exist ({@code 404}, same body); {@code FORBIDDEN} carries the reason the caller may read ({@code 403}).
 */
public record AccessDecision(Outcome outcome, String reason) {

    public enum Outcome {
        GRANTED, NOT_VISIBLE, FORBIDDEN
    }

    public static final AccessDecision GRANTED = new AccessDecision(Outcome.GRANTED, null);
    public static final AccessDecision NOT_VISIBLE = new AccessDecision(Outcome.NOT_VISIBLE, null);

    public static AccessDecision forbidden(String reason) {
        return new AccessDecision(Outcome.FORBIDDEN, reason);
    }

    public boolean granted() {
        return outcome == Outcome.GRANTED;
    }

    /**
     * Goes on when granted, else throws the service's own answer: its missing-resource exception for a hidden one, its
     * refusal, given the reason, for a forbidden one.
     */
    public void orThrow(Supplier<? extends RuntimeException> missing,
            Function<String, ? extends RuntimeException> refused) {
        switch (outcome) {
            case GRANTED -> {
            }
            case NOT_VISIBLE -> throw missing.get();
            case FORBIDDEN -> throw refused.apply(reason);
        }
    }
}
