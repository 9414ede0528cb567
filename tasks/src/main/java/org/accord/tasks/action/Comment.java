package org.accord.tasks.action;

import java.time.Instant;

public record Comment(String id, String author, String country, String text, Instant at) {
}
