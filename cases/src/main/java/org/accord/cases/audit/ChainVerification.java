package org.accord.cases.audit;

/**
 * Whether a case's audit chain is whole: every entry present, each one's hash matching its content and naming its
 * predecessor's hash, the head matching the last entry. {@code brokenAt} is the first entry that fails.
 */
public record ChainVerification(boolean intact, long entries, Long brokenAt, String problem) {

    static ChainVerification intact(long entries) {
        return new ChainVerification(true, entries, null, null);
    }

    static ChainVerification broken(long entries, long at, String problem) {
        return new ChainVerification(false, entries, at, problem);
    }
}
