package org.accord.tasks.action;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.accord.tasks.events.ActionEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A coordinated action on a case: what the requesting country proposes, and one assignment per addressed country.
 * Everything about one action is one document, so every change and the events it causes are written together or not
 * at all. {@code parties} (the requesting and the addressed countries) is derived here, for the list queries.
 */
@Document("actions")
@CompoundIndexes({
        @CompoundIndex(name = "parties_updated", def = "{'parties': 1, 'updatedAt': -1}"),
        @CompoundIndex(name = "case_updated", def = "{'caseId': 1, 'updatedAt': -1}"),
        @CompoundIndex(name = "open_due", def = "{'status': 1, 'dueDate': 1}") })
public record Action(
        @Id String id,
        String caseId,
        ActionType type,
        String title,
        String description,
        String requestingCountry,
        Instant dueDate,
        Priority priority,
        ActionStatus status,
        Cancellation cancellation,
        List<Assignment> assignments,
        List<Comment> comments,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt,
        long eventSequence,
        List<ActionEvent> outbox,
        Long relayedSequence,
        Boolean outboxPending,
        List<String> parties,
        @Version Long version) {

    /** The form of an action's id and of the case id it names: never an operator, a path or a query. */
    public static final String ID_FORMAT = "[A-Za-z0-9_-]{1,64}";

    /** Keeps an action document small, with room for the outbox between relays. */
    public static final int MAX_COMMENTS = 500;
    public static final int MAX_TRANSITIONS = 100;

    public Action {
        assignments = assignments == null ? List.of() : List.copyOf(assignments);
        comments = comments == null ? List.of() : List.copyOf(comments);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
        // Boxed, so that actions stored before the relay existed still load.
        relayedSequence = relayedSequence == null ? 0L : relayedSequence;
        long handedOver = relayedSequence;
        outboxPending = outbox.stream().anyMatch(event -> event.sequence() > handedOver);
        Set<String> involved = new LinkedHashSet<>();
        if (requestingCountry != null) {
            involved.add(requestingCountry);
        }
        assignments.forEach(assignment -> involved.add(assignment.country()));
        parties = List.copyOf(involved);
    }

    public static Action proposed(String id, String caseId, ActionType type, String title, String description,
            String requestingCountry, Instant dueDate, Priority priority, List<String> countries, String by,
            Instant at) {
        return new Action(id, caseId, type, title, description, requestingCountry, dueDate, priority,
                ActionStatus.OPEN, null, countries.stream().map(country -> Assignment.proposed(country, by, at))
                        .toList(),
                List.of(), by, at, by, at, 0, List.of(), 0L, null, null, null);
    }

    public String etag() {
        return "\"" + version + "\"";
    }

    public Optional<Assignment> assignment(String country) {
        return assignments.stream().filter(assignment -> assignment.country().equals(country)).findFirst();
    }

    public List<String> addressedCountries() {
        return assignments.stream().map(Assignment::country).toList();
    }

    public boolean isOpen() {
        return status == ActionStatus.OPEN;
    }

    Action withContent(String title, String description, Instant dueDate, Priority priority) {
        // A new due date starts a new term: falling overdue after it is news again.
        boolean newTerm = !dueDate.equals(this.dueDate);
        List<Assignment> next = newTerm
                ? assignments.stream().map(assignment -> assignment.overdueRecorded(false)).toList()
                : assignments;
        return new Action(id, caseId, type, title, description, requestingCountry, dueDate, priority, status,
                cancellation, next, comments, createdBy, createdAt, updatedBy, updatedAt, eventSequence, outbox,
                relayedSequence, null, null, version);
    }

    Action cancelled(Cancellation why) {
        return new Action(id, caseId, type, title, description, requestingCountry, dueDate, priority,
                ActionStatus.CANCELLED, why, assignments, comments, createdBy, createdAt, updatedBy, updatedAt,
                eventSequence, outbox, relayedSequence, null, null, version);
    }

    Action withAssignment(String country, UnaryOperator<Assignment> change) {
        List<Assignment> next = assignments.stream()
                .map(assignment -> assignment.country().equals(country) ? change.apply(assignment) : assignment)
                .toList();
        return new Action(id, caseId, type, title, description, requestingCountry, dueDate, priority, status,
                cancellation, next, comments, createdBy, createdAt, updatedBy, updatedAt, eventSequence, outbox,
                relayedSequence, null, null, version);
    }

    Action withComment(Comment comment) {
        List<Comment> next = new ArrayList<>(comments);
        next.add(comment);
        return new Action(id, caseId, type, title, description, requestingCountry, dueDate, priority, status,
                cancellation, assignments, next, createdBy, createdAt, updatedBy, updatedAt, eventSequence, outbox,
                relayedSequence, null, null, version);
    }

    /** The action as a write leaves it: who changed it when, and the events the change recorded. */
    Action revised(String by, Instant at, List<ActionEvent> events) {
        // Events the relay has handed over leave the outbox with the next write.
        List<ActionEvent> pending = new ArrayList<>(outbox.stream()
                .filter(event -> event.sequence() > relayedSequence).toList());
        pending.addAll(events);
        return new Action(id, caseId, type, title, description, requestingCountry, dueDate, priority, status,
                cancellation, assignments, comments, createdBy, createdAt, by == null ? updatedBy : by,
                by == null ? updatedAt : at, eventSequence + events.size(), pending, relayedSequence, null, null,
                version);
    }
}
