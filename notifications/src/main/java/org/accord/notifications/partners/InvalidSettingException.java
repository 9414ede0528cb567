package org.accord.notifications.partners;

/** A setting that passed the shape checks but may not be used, naming the field. */
public class InvalidSettingException extends RuntimeException {

    private final String field;

    InvalidSettingException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
