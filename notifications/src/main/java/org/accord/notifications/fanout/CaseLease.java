package org.accord.notifications.fanout;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One instance's hold on a case's received events until {@code until}; it is removed when the instance is done,
 * and left in place (with a later {@code until}) to make the case's events wait when cases could not answer.
 * {@code failures} counts the rounds in a row that could not finish the case, lengthening each wait.
 */
@Document("fanout_leases")
record CaseLease(@Id String caseId, String holder, Instant until, Integer failures) {

    int failuresInARow() {
        return failures == null ? 0 : failures;
    }
}
