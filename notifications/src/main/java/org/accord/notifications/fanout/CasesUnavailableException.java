package org.accord.notifications.fanout;

/** Cases could not say who may see a case; the events wait, since nothing goes out unchecked. */
public class CasesUnavailableException extends SourceUnavailableException {

    CasesUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
