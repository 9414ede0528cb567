package org.accord.tasks.cases;

/**
 * One call to cases that gave no usable answer.
 *
 * @param retryable        a refused or reset connection, or a 5xx: another attempt may succeed at once
 * @param countsAgainstCases whether it says cases is unwell (and so counts for the circuit breaker)
 */
class CasesCallFailed extends RuntimeException {

    private final boolean retryable;
    private final boolean countsAgainstCases;

    CasesCallFailed(String message, Throwable cause, boolean retryable, boolean countsAgainstCases) {
        super(message, cause);
        this.retryable = retryable;
        this.countsAgainstCases = countsAgainstCases;
    }

    boolean retryable() {
        return retryable;
    }

    boolean countsAgainstCases() {
        return countsAgainstCases;
    }
}
