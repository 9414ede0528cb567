package org.accord.tasks.action;

/** One request field or parameter that is wrong in a way a bean constraint cannot say. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
