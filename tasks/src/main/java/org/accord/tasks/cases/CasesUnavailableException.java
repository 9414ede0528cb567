package org.accord.tasks.cases;

/** Cases could not say whether the caller may see a case, so tasks shows and changes nothing that depends on it. */
public class CasesUnavailableException extends RuntimeException {

    public CasesUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
