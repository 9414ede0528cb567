package org.accord.tasks.action;

import org.accord.support.id.CaseId;
import org.accord.support.id.UnknownIdException;

/**
 * The {@code caseId} filter of the action list. A case id in any other spelling than the one cases makes names no
 * case, so it lists nothing, exactly as the id of a case that does not exist.
 */
public record CaseFilter(CaseId caseId) {

    /** Binds the query parameter. */
    public static CaseFilter valueOf(String raw) {
        try {
            return new CaseFilter(CaseId.of(raw));
        } catch (UnknownIdException notACase) {
            return new CaseFilter(null);
        }
    }

    public boolean matchesNothing() {
        return caseId == null;
    }
}
