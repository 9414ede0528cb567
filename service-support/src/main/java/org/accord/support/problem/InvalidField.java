package org.accord.support.problem;

/** One wrong field of a request: where it is and what is wrong with it. */
public record InvalidField(String field, String message) {
}
