package org.accord.tasks.action;

import java.util.List;

/**
 * What notifications needs to tell of an action, as tasks keeps it rather than as an event says: the case it is on,
 * the requesting country and the addressed countries. Nothing of its content: who hears of it is all that is asked.
 */
record ActionPartiesView(String actionId, String caseId, String requestingCountry, List<String> countries,
        ActionStatus status) {

    static ActionPartiesView of(Action action) {
        return new ActionPartiesView(action.id(), action.caseId(), action.requestingCountry(),
                action.assignments().stream().map(Assignment::country).toList(), action.status());
    }
}
