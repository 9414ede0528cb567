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
import org.accord.tasks.action.ActionOperation;
import org.accord.tasks.action.ActionRefusedException;
import org.accord.tasks.action.AllowedOperations;
import org.accord.tasks.action.Assignment;
import org.accord.tasks.action.AssignmentOperation;
import org.accord.tasks.action.CaseFilter;
import org.accord.tasks.cases.CaseReaders;
import org.accord.tasks.cases.CasesClient;
import org.accord.tasks.cases.Caller;
import org.accord.identity.AccessDecision;
import org.accord.identity.CountryRegistry;
import org.accord.identity.InternalCallRefusedException;
import org.accord.identity.InternalCaller;
import org.accord.identity.InternalClient;
import org.accord.identity.InternalCalls;
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
    static final InternalCalls<InternalCall> INTERNAL_CALLS = new InternalCalls<>(InternalCall.class, Map.of(
            InternalCall.READ_ACTION_PARTIES, InternalGrant.of("read an action's parties",
                    PlatformRole.READ_ACTION_PARTIES, InternalClient.NOTIFICATIONS),
            InternalCall.LIST_PARKED_EVENTS, InternalGrant.LIST_PARKED_EVENTS,
            InternalCall.REDRIVE_PARKED_EVENT, InternalGrant.REDRIVE_PARKED_EVENT));

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

    /** Whether the caller sees the action; one that does not exist is not visible either. */
    @Override
    public AccessDecision seeing(Action action, Caller caller) {
        return action != null && isParty(action, caller) && cases.caseAsSeenBy(action.caseId(), caller).isPresent()
                ? AccessDecision.GRANTED
                : AccessDecision.NOT_VISIBLE;
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
        CaseReaders readers = cases.readersOf(caseId).orElseThrow(ActionRefusedException::unknownCase);
        List<String> blind = countries.stream()
                .filter(country -> !country.equals(caller.country()) && !readers.countries().contains(country))
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
    public AccessDecision editing(Action action, Caller caller) {
        return mayEdit(action, caller) ? AccessDecision.GRANTED
                : AccessDecision.forbidden(
                        "Only officers of the requesting country edit or cancel a coordinated action.");
    }

    /** Only users of the addressed country, and not its analysts, move its assignment. */
    @Override
    public AccessDecision moving(String country, Caller caller) {
        return mayMove(country, caller) ? AccessDecision.GRANTED
                : AccessDecision.forbidden("Only officers and liaison staff of " + country + " move its assignment.");
    }

    /** Only the addressed country's liaison staff name who works on its assignment. */
    @Override
    public AccessDecision namingAssignee(String country, Caller caller) {
        return mayNameAssignee(country, caller) ? AccessDecision.GRANTED
                : AccessDecision.forbidden("Only liaison staff of " + country + " name its assignee.");
    }

    /** Officers and liaison staff of the requesting or an addressed country comment. */
    @Override
    public AccessDecision commenting(Caller caller) {
        return mayComment(caller) ? AccessDecision.GRANTED
                : AccessDecision.forbidden("Analysts read coordinated actions; officers comment on them.");
    }

    /**
     * What the caller may do with an action it sees: the same rights the decisions above take, on the action's state
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
        return registry.isMember(caller.country()) && caller.user().isOfficerOrLiaison();
    }

    private static boolean mayEdit(Action action, Caller caller) {
        return caller.user().isOfficerOrLiaison() && caller.country().equals(action.requestingCountry());
    }

    private static boolean mayMove(String country, Caller caller) {
        return caller.user().isOfficerOrLiaison() && caller.country().equals(country);
    }

    private static boolean mayNameAssignee(String country, Caller caller) {
        return caller.user().isLiaison() && caller.country().equals(country);
    }

    private static boolean mayComment(Caller caller) {
        return caller.user().isOfficerOrLiaison();
    }

    private static boolean isParty(Action action, Caller caller) {
        return caller.country() != null && action.parties().contains(caller.country());
    }

    private static Criteria all(List<Criteria> criteria) {
        return criteria.size() == 1 ? criteria.get(0) : new Criteria().andOperator(criteria);
    }

    /** @throws InternalCallRefusedException, answered 403, unless the caller's client and role both open the call */
    public void checkMayCall(InternalCaller caller, InternalCall call) {
        INTERNAL_CALLS.checkMayCall(caller, call);
    }

    @Override
    public void checkMayReadParties(InternalCaller caller) {
        checkMayCall(caller, InternalCall.READ_ACTION_PARTIES);
    }

    @Override
    public void checkParkedEvents(InternalCaller caller, ParkedEventsAccess.Call call) {
        checkMayCall(caller, call == ParkedEventsAccess.Call.LIST_PARKED ? InternalCall.LIST_PARKED_EVENTS
                : InternalCall.REDRIVE_PARKED_EVENT);
    }
}
