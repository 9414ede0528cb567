package org.accord.tasks.action;

import java.util.List;

import org.accord.identity.AccessDecision;
import org.accord.identity.InternalCaller;
import org.accord.tasks.cases.Caller;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The access decisions the action service asks for, each taken by the service's one access policy
 * ({@code org.accord.tasks.access.ActionAccessPolicy}). The policy implements this, so it speaks of actions while
 * actions never depend on it.
 */
public interface ActionAccess {

    /** The stored field of an action's case, which list queries and the policy's case lookups match. */
    String CASE_ID = "caseId";

    /** Matches exactly the actions {@code caller} may see among those that match {@code filters}. */
    Criteria visibleTo(Caller caller, List<Criteria> filters);

    /** {@code NOT_VISIBLE} for an action the caller may not see or that does not exist, answered alike. */
    AccessDecision seeing(Action action, Caller caller);

    /** The platform service that may read an action's case and countries; 403 for any other client. */
    void checkMayReadParties(InternalCaller caller);

    void checkMayPropose(Caller caller, String caseId, List<String> countries);

    /** Editing and cancelling the action the caller sees. */
    AccessDecision editing(Action action, Caller caller);

    /** Moving the assignment of {@code country} through its workflow. */
    AccessDecision moving(String country, Caller caller);

    /** Naming who works on the assignment of {@code country}. */
    AccessDecision namingAssignee(String country, Caller caller);

    AccessDecision commenting(Caller caller);

    AllowedOperations allowedOperations(Action action, Caller caller);

    List<ActionListOperation> allowedListOperations(CaseFilter filter, Caller caller);
}
