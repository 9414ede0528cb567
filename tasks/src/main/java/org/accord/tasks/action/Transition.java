package org.accord.tasks.action;

import java.time.Instant;

/** One step of an assignment's history: who moved it, when, from where to where, and why. */
public record Transition(AssignmentStatus from, AssignmentStatus to, String by, String byCountry, Instant at,
        String reason) {
}
