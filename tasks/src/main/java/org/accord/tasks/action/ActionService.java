package org.accord.tasks.action;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import org.accord.identity.AccessDecision;
import org.accord.tasks.cases.Caller;
import org.accord.identity.InternalCaller;
import org.accord.tasks.directory.AllianceDirectory;
import org.accord.tasks.events.ActionEvent;
import org.accord.tasks.events.EventStamp;
import org.bson.types.ObjectId;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Proposes, reads and changes coordinated actions. Every access goes through the {@link ActionAccess access policy};
 * every change is one versioned write of the action document that carries the events it causes.
 */
@Service
class ActionService {

    private static final int WRITE_ATTEMPTS = 3;

    private final MongoOperations mongo;
    private final ActionAccess policy;
    private final AllianceDirectory directory;
    private final Clock clock;

    ActionService(MongoOperations mongo, ActionAccess policy, AllianceDirectory directory, Clock clock) {
        this.mongo = mongo;
        this.policy = policy;
        this.directory = directory;
        this.clock = clock;
    }

    /** Now, as MongoDB keeps it: to the millisecond, so what a write answers equals every later read. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    Action propose(NewAction request, Caller caller) {
        List<String> countries = List.copyOf(new LinkedHashSet<>(request.countries()));
        policy.checkMayPropose(caller, request.caseId().value(), countries);
        Instant now = now();
        Action proposed = Action.proposed(new ObjectId().toHexString(), request.caseId().value(), request.type(),
                request.title(), request.description(), caller.country(), request.dueDate().truncatedTo(
                        ChronoUnit.MILLIS), request.priority(), countries, caller.username(), now);
        return mongo.insert(proposed.revised(caller.username(), now, stamp(proposed,
                List.of(ActionEvent.actionProposed(countries, proposed.dueDate())), caller, now)));
    }

    Action read(String id, Caller caller) {
        Action found = find(id);
        require(policy.seeing(found, caller));
        return found;
    }

    /** The action's case and countries, for the platform service the policy lets ask. */
    ActionPartiesView parties(String id, InternalCaller caller) {
        policy.checkMayReadParties(caller);
        Action found = find(id);
        if (found == null) {
            throw ActionNotFoundException.action();
        }
        return ActionPartiesView.of(found);
    }

    /** One page of the actions the caller may see that match the query, filtered and ordered inside the database. */
    ActionPage list(ActionQuery request, Caller caller) {
        Instant now = now();
        List<Criteria> filters = new ArrayList<>();
        if (request.caseId() != null) {
            if (request.caseId().matchesNothing()) {
                return empty(request, caller);
            }
            filters.add(where(ActionAccess.CASE_ID).is(request.caseId().caseId().value()));
        }
        String country = request.country();
        if (request.assignedToMe()) {
            if (country != null && !country.equals(caller.country())) {
                return empty(request, caller);
            }
            country = caller.country();
        }
        if (request.status() != null && request.overdue() && !request.status().isOpen()) {
            return empty(request, caller);
        }
        Criteria assignment = null;
        if (country != null) {
            assignment = on(assignment, "country").is(country);
        }
        if (request.assignedToMe()) {
            assignment = on(assignment, "assignee").is(caller.username());
        }
        if (request.status() != null) {
            assignment = on(assignment, "status").is(request.status());
        } else if (request.overdue()) {
            assignment = on(assignment, "status").in(AssignmentStatus.OPEN);
        }
        if (request.overdue()) {
            filters.add(where("status").is(ActionStatus.OPEN));
            filters.add(where("dueDate").lt(now));
        }
        if (assignment != null) {
            filters.add(where("assignments").elemMatch(assignment));
        }
        Query query = new Query(policy.visibleTo(caller, filters));
        long total = mongo.count(query, Action.class);
        query.with(PageRequest.of(request.page(), request.size(),
                Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("_id"))));
        // A list shows every country's status, not the histories, comments or pending events.
        query.fields().exclude("comments").exclude("outbox").exclude("assignments.history");
        List<ActionView> items = mongo.find(query, Action.class).stream()
                .map(action -> ActionView.listed(action, now, policy.allowedOperations(action, caller)))
                .toList();
        return new ActionPage(items, request.page(), request.size(), total,
                policy.allowedListOperations(request.caseId(), caller));
    }

    /** Goes on when the policy grants the call; a hidden action answers as a missing one, a refused call 403. */
    private static void require(AccessDecision decision) {
        decision.orThrow(ActionNotFoundException::action, ActionNotAllowedException::new);
    }

    private ActionPage empty(ActionQuery request, Caller caller) {
        return new ActionPage(List.of(), request.page(), request.size(), 0,
                policy.allowedListOperations(request.caseId(), caller));
    }

    /** The action as the caller is answered it, with what the caller may do with it. */
    ActionView view(Action action, Caller caller) {
        return ActionView.of(action, now(), policy.allowedOperations(action, caller));
    }

    Action edit(String id, ActionChanges changes, String ifMatch, Caller caller) {
        return write(id, caller, ifMatch, current -> {
            require(policy.editing(current, caller));
            requireOpen(current);
            String title = Objects.requireNonNullElse(changes.title(), current.title());
            String description = Objects.requireNonNullElse(changes.description(), current.description());
            Instant dueDate = changes.dueDate() == null ? current.dueDate()
                    : changes.dueDate().truncatedTo(ChronoUnit.MILLIS);
            Priority priority = Objects.requireNonNullElse(changes.priority(), current.priority());
            List<String> changed = new ArrayList<>();
            addIfChanged(changed, "title", title, current.title());
            addIfChanged(changed, "description", description, current.description());
            addIfChanged(changed, "dueDate", dueDate, current.dueDate());
            addIfChanged(changed, "priority", priority, current.priority());
            if (changed.isEmpty()) {
                return null;
            }
            return new Change(current.withContent(title, description, dueDate, priority),
                    List.of(ActionEvent.actionUpdated(changed)));
        });
    }

    Action cancel(String id, String reason, Caller caller) {
        return write(id, caller, null, current -> {
            require(policy.editing(current, caller));
            requireOpen(current);
            return new Change(current.cancelled(new Cancellation(reason, caller.username(), now())),
                    List.of(ActionEvent.actionCancelled(reason)));
        });
    }

    Action move(String id, String country, TransitionRequest request, Caller caller) {
        if (request.reasonMissing()) {
            throw new InvalidInputException("reason", "must be given when the assignment is "
                    + request.to().name().toLowerCase().replace('_', ' '));
        }
        return write(id, caller, null, current -> {
            Assignment assignment = requireAssignment(current, country);
            require(policy.moving(country, caller));
            requireOpen(current);
            if (current.assignments().stream().mapToInt(a -> a.history().size()).sum() >= Action.MAX_TRANSITIONS) {
                throw new ActionRefusedException(ActionRefusedException.Reason.LIMIT_REACHED,
                        "This action has reached its limit of " + Action.MAX_TRANSITIONS + " transitions.");
            }
            AssignmentStatus to = request.to();
            if (!assignment.status().canMoveTo(to)) {
                throw new ActionRefusedException(ActionRefusedException.Reason.ILLEGAL_TRANSITION,
                        "An assignment that is " + assignment.status() + " cannot move to " + to + "; it can move to "
                                + (assignment.status().next().isEmpty() ? "nothing, it is final"
                                        : assignment.status().next().toString()) + ".");
            }
            String reason = blankToNull(request.reason());
            Instant now = now();
            return new Change(current.withAssignment(country,
                    a -> a.movedTo(to, reason, caller.username(), caller.country(), now)),
                    List.of(ActionEvent.assignmentChanged(country, assignment.status().name(), to.name(), reason)));
        });
    }

    Action nameAssignee(String id, String country, String username, Caller caller) {
        Action current = read(id, caller);
        requireAssignment(current, country);
        require(policy.namingAssignee(country, caller));
        requireAssignable(current, country);
        // Asked only once the caller may name someone: the realm's users are not an oracle for anybody else.
        String assignee = directory.userOf(username, country).orElseThrow(() -> new ActionRefusedException(
                ActionRefusedException.Reason.UNKNOWN_ASSIGNEE,
                "No user of " + country + " with this username is known to the alliance; the person must have "
                        + "signed in once.", List.of(country)));
        return write(current, caller, null, fresh -> {
            Assignment assignment = requireAssignable(fresh, country);
            if (assignee.equals(assignment.assignee())) {
                return null;
            }
            Instant now = now();
            return new Change(fresh.withAssignment(country, a -> a.assignedTo(assignee, caller.username(), now)),
                    List.of(ActionEvent.assigneeSet(country, assignee)));
        });
    }

    /** An open action's assignment that still needs somebody to work on it. */
    private static Assignment requireAssignable(Action action, String country) {
        requireOpen(action);
        Assignment assignment = requireAssignment(action, country);
        if (!assignment.status().isOpen()) {
            throw new ActionRefusedException(ActionRefusedException.Reason.ASSIGNMENT_CLOSED,
                    "The assignment of " + country + " is " + assignment.status() + "; nobody works on it any more.");
        }
        return assignment;
    }

    Comment comment(String id, String text, Caller caller) {
        String commentId = UUID.randomUUID().toString();
        Action saved = write(id, caller, null, current -> {
            require(policy.commenting(caller));
            if (current.comments().size() >= Action.MAX_COMMENTS) {
                throw new ActionRefusedException(ActionRefusedException.Reason.LIMIT_REACHED,
                        "This action has reached its limit of " + Action.MAX_COMMENTS + " comments.");
            }
            Comment comment = new Comment(commentId, caller.username(), caller.country(), text, now());
            return new Change(current.withComment(comment), List.of(ActionEvent.commentAdded(commentId)));
        });
        return saved.comments().stream().filter(comment -> comment.id().equals(commentId)).findFirst()
                .orElseThrow();
    }

    /** What one change does: the action after it and the events it records; {@code null} when nothing changes. */
    private record Change(Action next, List<ActionEvent.Draft> events) {
    }

    /**
     * Applies one change as a single versioned write of the action document, events included. The caller's right to
     * see the action is checked once, with cases; a change that lost a race is recomputed on the fresh action.
     */
    private Action write(String id, Caller caller, String ifMatch, Function<Action, Change> change) {
        return write(read(id, caller), caller, ifMatch, change);
    }

    private Action write(Action visible, Caller caller, String ifMatch, Function<Action, Change> change) {
        Action current = visible;
        for (int attempt = 1;; attempt++) {
            if (ifMatch != null && !ifMatch.equals(current.etag())) {
                throw new PreconditionFailedException(current.etag());
            }
            Change revision = change.apply(current);
            if (revision == null) {
                return current;
            }
            Instant now = now();
            try {
                return mongo.save(revision.next().revised(caller.username(), now,
                        stamp(current, revision.events(), caller, now)));
            } catch (OptimisticLockingFailureException lostRace) {
                if (attempt == WRITE_ATTEMPTS) {
                    throw new ActionRefusedException(ActionRefusedException.Reason.CONCURRENT_CHANGE,
                            "The action is being changed by others right now; try again.");
                }
                current = find(visible.id());
                if (current == null) {
                    throw ActionNotFoundException.action();
                }
            }
        }
    }

    private Action find(String id) {
        return id.matches(Action.ID_FORMAT) ? mongo.findById(id, Action.class) : null;
    }

    static List<ActionEvent> stamp(Action action, List<ActionEvent.Draft> drafts, Caller caller, Instant at) {
        return stamp(action, drafts, caller == null ? null : caller.username(),
                caller == null ? null : caller.country(), at);
    }

    static List<ActionEvent> stamp(Action action, List<ActionEvent.Draft> drafts, String actor, String actorCountry,
            Instant at) {
        List<ActionEvent> events = new ArrayList<>();
        long sequence = action.eventSequence();
        for (ActionEvent.Draft draft : drafts) {
            events.add(draft.stamp(new EventStamp(UUID.randomUUID().toString(), ++sequence, action.id(),
                    action.caseId(), at, actor, actorCountry)));
        }
        return events;
    }

    private static Assignment requireAssignment(Action action, String country) {
        return action.assignment(country).orElseThrow(() -> new ActionNotFoundException(
                "This action is not addressed to " + country + "."));
    }

    private static void requireOpen(Action action) {
        if (!action.isOpen()) {
            throw new ActionRefusedException(ActionRefusedException.Reason.ACTION_CANCELLED,
                    "The action was cancelled; it no longer changes.");
        }
    }

    /** One more condition on the same assignment: all of them go into one {@code $elemMatch}. */
    private static Criteria on(Criteria chain, String key) {
        return chain == null ? where(key) : chain.and(key);
    }

    private static void addIfChanged(List<String> changed, String field, Object next, Object current) {
        if (!Objects.equals(next, current)) {
            changed.add(field);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
