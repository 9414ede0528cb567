package org.accord.notifications.delivery;

import java.time.Instant;

/**
 * One attempt in a delivery's history: when, what it came to, its class of result ({@link AttemptResult#code()}),
 * and the request id under which the service logged its particulars.
 */
record Attempt(Instant at, Outcome outcome, String result, String requestId) {

    enum Outcome {
        DELIVERED, FAILED, PARKED, GONE
    }
}
