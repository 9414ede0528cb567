package org.accord.tasks.access;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.accord.tasks.action.Action;
import org.accord.tasks.action.ActionAccess;
import org.accord.tasks.action.ActionListOperation;
import org.accord.tasks.action.ActionNotAllowedException;
import org.accord.tasks.action.ActionNotFoundException;
import org.accord.tasks.action.ActionOperation;
import org.accord.tasks.action.ActionRefusedException;
import org.accord.tasks.action.AllowedOperations;
import org.accord.tasks.action.Assignment;
import org.accord.tasks.action.AssignmentOperation;
import org.accord.tasks.action.CaseFilter;
import org.accord.tasks.cases.CaseAudience;
import org.accord.tasks.cases.CasesClient;
import org.accord.tasks.config.Caller;
import org.accord.identity.CountryRegistry;
import org.accord.identity.InternalCallRefusedException;
import org.accord.identity.InternalCaller;
import org.accord.identity.InternalClient;
import org.accord.identity.InternalGrant;
import org.accord.identity.PlatformRole;
import org.accord.support.relay.ParkedEventsAccess;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Who may see and act on a coordinated action, decided here and nowhere else.
 * <p>
 * An action is visible to a user whose country requested it or is addressed by it, and only while the cases service
 * shows the user the action's case (asked with the user's own token, so a case narrowed later hides its actions at
 * once). Which countries see a case, to address them, is cases' answer too: tasks never applies the TLP rules itself. Analysts read; officers and liaison staff of the requesting country propose, edit and cancel; users of an
 * addressed country (not analysts) move its assignment; only its liaison staff name its assignee; officers and
 * liaison staff of any country involved comment. A hidden action answers 404, a visible one the caller may not change
 * 403.
 * <p>
 * Lists are filtered inside the database: the query first finds the distinct cases of the actions the caller's
 * country is party to, asks cases which of those the caller can see, and then pages and counts only the actions on
 * those cases. Neither a page nor {@code totalItems} ever includes an action on a case the caller cannot see.
 * <p>
 * Every answer carries the caller's {@link #allowedOperations allowed operations}, worked out by the same checks that
 * refuse the calls.
 */
@Component
public class ActionAccessPolicy implements ActionAccess, ParkedEventsAccess {

    /** The calls of the platform's own clients under {@code /internal/**}. */
    public enum InternalCall { READ_ACTION_PARTIES, LIST_PARKED_EVENTS, REDRIVE_PARKED_EVENT }

    /**
     * Which platform client may make each internal call, with which role: an action's case and countries for
     * notifications, which tells them of it; the relay's parked events for the operators.
     */
    private static final Map<InternalCall, InternalGrant> INTERNAL = Map.of(
            InternalCall.READ_ACTION_PARTIES, InternalGrant.of(PlatformRole.READ_ACTION_PARTIES,
                    InternalClient.NOTIFICATIONS),
            InternalCall.LIST_PARKED_EVENTS, InternalGrant.of(PlatformRole.OPERATOR, InternalClient.OPERATORS),
            InternalCall.REDRIVE_PARKED_EVENT, InternalGrant.of(PlatformRole.OPERATOR, InternalClient.OPERATORS));

    static final String PARTIES = "parties";

    private final CountryRegistry registry;
    private final CasesClient cases;
    private final MongoOperations mongo;

    ActionAccessPolicy(CountryRegistry registry, CasesClient cases, MongoOperations mongo) {
        this.registry = registry;
        this.cases = cases;
        this.mongo = mongo;
    }

    /** Matches exactly the actions {@code caller} may see among those that match {@code filters}. */
    @Override
    public Criteria visibleTo(Caller caller, List<Criteria> filters) {
        if (!registry.isMember(caller.country())) {
            return where(PARTIES).in(List.of());
        }
        List<Criteria> candidates = new ArrayList<>(filters);
        candidates.add(where(PARTIES).is(caller.country()));
        List<String> caseIds = mongo.findDistinct(new Query(all(candidates)), CASE_ID, Action.class, String.class);
        Set<String> visibleCases = cases.visibleAmong(caseIds, caller);
        candidates.add(where(CASE_ID).in(visibleCases));
        return all(candidates);
    }

    /** The action if the caller may see it, else the same 404 as for one that does not exist. */
    @Override
    public Action requireVisible(Action action, Caller caller) {
        if (action == null || !isParty(action, caller) || cases.caseAsSeenBy(action.caseId(), caller).isEmpty()) {
            throw ActionNotFoundException.action();
        }
        return action;
    }

    /**
     * An officer or liaison of a member country proposes an action on a case it can see, to countries that can see
     * it too, as cases answers who does. The countries that cannot are named in the refusal.
     */
    @Override
    public void checkMayPropose(Caller caller, String caseId, List<String> countries) {
        if (!mayPropose(caller)) {
            throw new ActionNotAllowedException("Analysts read coordinated actions; officers propose them.");
        }
        if (cases.caseAsSeenBy(caseId, caller).isEmpty()) {
            throw ActionRefusedException.unknownCase();
        }
        // The requesting country sees the case: cases has just shown it to one of its users (on RED, to them alone).
        CaseAudience audience = cases.audienceOf(caseId).orElseThrow(ActionRefusedException::unknownCase);
        List<String> blind = countries.stream()
                .filter(country -> !country.equals(caller.country()) && !audience.countries().contains(country))
                .toList();
        if (!blind.isEmpty()) {
            throw new ActionRefusedException(ActionRefusedException.Reason.COUNTRY_CANNOT_SEE_CASE,
                    "Only countries that can see the case can be addressed; these cannot: "
                            + String.join(", ", blind) + ".",
                    blind);
        }
    }

    /** The requesting country's officers and liaison staff edit and cancel the action. */
    @Override
    public void checkMayEdit(Action action, Caller caller) {
        if (!mayEdit(action, caller)) {
            throw new ActionNotAllowedException(
                    "Only officers of the requesting country edit or cancel a coordinated action.");
        }
    }

    /** Only users of the addressed country, and not its analysts, move its assignment. */
    @Override
    public void checkMayMove(String country, Caller caller) {
        if (!mayMove(country, caller)) {
            throw new ActionNotAllowedException("Only officers and liaison staff of " + country
                    + " move its assignment.");
        }
    }

    /** Only the addressed country's liaison staff name who works on its assignment. */
    @Override
    public void checkMayNameAssignee(String country, Caller caller) {
        if (!mayNameAssignee(country, caller)) {
            throw new ActionNotAllowedException("Only liaison staff of " + country + " name its assignee.");
        }
    }

    /** Officers and liaison staff of the requesting or an addressed country comment. */
    @Override
    public void checkMayComment(Caller caller) {
        if (!mayComment(caller)) {
            throw new ActionNotAllowedException("Analysts read coordinated actions; officers comment on them.");
        }
    }

    /**
     * What the caller may do with an action it sees: the same rights the checks above decide, on the action's state
     * as the service's calls require it (an open action, a move its workflow allows, an assignment still owed).
     */
    @Override
    public AllowedOperations allowedOperations(Action action, Caller caller) {
        List<ActionOperation> onAction = new ArrayList<>();
        if (action.isOpen() && mayEdit(action, caller)) {
            onAction.add(ActionOperation.EDIT);
            onAction.add(ActionOperation.CANCEL);
        }
        if (mayComment(caller)) {
            onAction.add(ActionOperation.COMMENT);
        }
        Map<String, List<AssignmentOperation>> onAssignments = new LinkedHashMap<>();
        for (Assignment assignment : action.assignments()) {
            onAssignments.put(assignment.country(), Arrays.stream(AssignmentOperation.values())
                    .filter(operation -> action.isOpen() && allows(operation, assignment, caller))
                    .toList());
        }
        return new AllowedOperations(onAction, onAssignments);
    }

    /** On the action list of one case: proposing, for officers of a member country who see the case. */
    @Override
    public List<ActionListOperation> allowedListOperations(CaseFilter filter, Caller caller) {
        return filter != null && !filter.matchesNothing() && mayPropose(caller)
                && cases.caseAsSeenBy(filter.caseId().value(), caller).isPresent()
                ? List.of(ActionListOperation.PROPOSE)
                : List.of();
    }

    private boolean allows(AssignmentOperation operation, Assignment assignment, Caller caller) {
        return operation.to()
                .map(to -> mayMove(assignment.country(), caller) && assignment.status().canMoveTo(to))
                .orElseGet(() -> mayNameAssignee(assignment.country(), caller) && assignment.status().isOpen());
    }

    private boolean mayPropose(Caller caller) {
        return registry.isMember(caller.country()) && caller.user().isOfficer();
    }

    private static boolean mayEdit(Action action, Caller caller) {
        return caller.user().isOfficer() && caller.country().equals(action.requestingCountry());
    }

    private static boolean mayMove(String country, Caller caller) {
        return caller.user().isOfficer() && caller.country().equals(country);
    }

    private static boolean mayNameAssignee(String country, Caller caller) {
        return caller.user().isLiaison() && caller.country().equals(country);
    }

    private static boolean mayComment(Caller caller) {
        return caller.user().isOfficer();
    }

    private static boolean isParty(Action action, Caller caller) {
        return caller.country() != null && action.parties().contains(caller.country());
    }

    private static Criteria all(List<Criteria> criteria) {
        return criteria.size() == 1 ? criteria.get(0) : new Criteria().andOperator(criteria);
    }

    /** Whether the platform client may make the internal call: its client and its role both as the call needs. */
    public boolean mayCall(InternalCaller caller, InternalCall call) {
        return INTERNAL.get(call).admits(caller);
    }

    /** @throws InternalCallRefusedException, answered 403, when {@link #mayCall} does not grant the call */
    public void checkMayCall(InternalCaller caller, InternalCall call) {
        if (!mayCall(caller, call)) {
            throw new InternalCallRefusedException(switch (call) {
                case READ_ACTION_PARTIES -> "read an action's parties";
                case LIST_PARKED_EVENTS -> "list parked events";
                case REDRIVE_PARKED_EVENT -> "redrive parked events";
            });
        }
    }

    @Override
    public void checkMayReadParties(InternalCaller caller) {
        checkMayCall(caller, InternalCall.READ_ACTION_PARTIES);
    }

    @Override
    public void checkParkedEvents(InternalCaller caller, ParkedEventsAccess.Call call) {
        checkMayCall(caller, switch (call) {
            case LIST_PARKED -> InternalCall.LIST_PARKED_EVENTS;
            case REDRIVE_PARKED -> InternalCall.REDRIVE_PARKED_EVENT;
        });
    }
}
