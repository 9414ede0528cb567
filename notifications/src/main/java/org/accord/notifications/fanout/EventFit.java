package org.accord.notifications.fanout;

import org.accord.notifications.access.CaseReaders;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;

import org.accord.identity.AllianceUsername;
import org.accord.notifications.events.EventType;
import org.accord.notifications.events.IncomingEvent;

/**
 * Whether a received event fits what its sources keep, as cases and tasks answer now: the poster is already known to
 * own the event's type; here its case and action must exist, the action must be on that case, and the countries the
 * event names must be the action's. What the event says beyond that is never taken for who hears of it.
 */
final class EventFit {

    private EventFit() {
    }

    /**
     * Why the event does not fit; empty when it does.
     *
     * @param readers  the case as cases answers for it now; empty when cases has no such case
     * @param action   the action as tasks answers for it now, for an action's event; empty when tasks has none
     */
    static Optional<String> misfit(IncomingEvent event, Optional<CaseReaders> readers,
            Optional<ActionParties> action) {
        String caseId = event.caseId().value();
        if (readers.isEmpty()) {
            return Optional.of("cases has no case " + caseId);
        }
        if (event.type() == EventType.CaseCreated && event.actorCountry() != null
                && !event.actorCountry().equals(readers.get().originCountry())) {
            return Optional.of("the case was not opened by " + event.actorCountry());
        }
        if (!event.type().ofAnAction()) {
            return event.taskId() == null ? Optional.empty()
                    : Optional.of("an event of a case names the action " + event.taskId());
        }
        if (event.taskId() == null) {
            return Optional.of("an event of an action names no action");
        }
        String actionId = event.taskId().value();
        if (action.isEmpty()) {
            return Optional.of("tasks has no action " + actionId);
        }
        ActionParties parties = action.get();
        if (!caseId.equals(parties.caseId())) {
            return Optional.of("the action " + actionId + " is not on the case " + caseId);
        }
        if (event.type() == EventType.ActionProposed) {
            if (event.actorCountry() != null && !event.actorCountry().equals(parties.requestingCountry())) {
                return Optional.of("the action " + actionId + " was not proposed by " + event.actorCountry());
            }
            if (event.countries() != null && !new HashSet<>(event.countries()).equals(
                    new HashSet<>(parties.countries()))) {
                return Optional.of("the action " + actionId + " is addressed to " + parties.countries()
                        + ", not to " + event.countries());
            }
        }
        if (event.country() != null && !parties.countries().contains(event.country())) {
            return Optional.of("the action " + actionId + " is not addressed to " + event.country());
        }
        if (event.assignee() != null && !AllianceUsername.parse(event.assignee())
                .map(name -> name.country().equals(event.country())).orElse(false)) {
            return Optional.of("the assignee is not a user of " + String.valueOf(event.country())
                    .toUpperCase(Locale.ROOT));
        }
        return Optional.empty();
    }
}
