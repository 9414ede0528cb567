package org.accord.tasks.action;

import java.time.Instant;

public record Cancellation(String reason, String by, Instant at) {
}
