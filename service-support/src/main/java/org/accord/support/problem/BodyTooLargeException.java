package org.accord.support.problem;

import java.io.IOException;

/** A request body that turned out longer than the service accepts while it was read; answered with 413. */
public class BodyTooLargeException extends IOException {

    public static final String DETAIL = "Request bodies are limited to 1 MiB.";

    public BodyTooLargeException(long limit) {
        super("request body over " + limit + " bytes");
    }
}
