package org.accord.cases.casefile;

/** A query parameter the list does not know, or one given twice: refused rather than ignored. */
public class InvalidQueryException extends RuntimeException {

    private final String parameter;

    public InvalidQueryException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
