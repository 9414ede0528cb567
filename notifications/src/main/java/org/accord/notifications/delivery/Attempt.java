package org.accord.notifications.delivery;

import java.time.Instant;

/** One attempt in a delivery's history: when, what it came to, and what the partner's side answered. */
record Attempt(Instant at, Outcome outcome, String detail) {

    enum Outcome {
        DELIVERED, FAILED, PARKED, GONE
    }
}
