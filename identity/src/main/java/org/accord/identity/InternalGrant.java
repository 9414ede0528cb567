package org.accord.identity;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may make one internal call: the platform clients it serves, each holding the role the call needs. Both must
 * hold, so a client given a role by mistake still reaches only the calls meant for it, and a client meant for a call
 * reaches it only while its account holds the role. Services' access policies keep one of these per internal call.
 *
 * @param call what the call does, as a refusal names it ({@code read who may see a case})
 */
public record InternalGrant(String call, PlatformRole role, Set<InternalClient> clients) {

    /** The operators' call listing a service's parked events, the same in every service that parks them. */
    public static final InternalGrant LIST_PARKED_EVENTS = of("list parked events", PlatformRole.OPERATOR,
            InternalClient.OPERATORS);

    /** The operators' call putting a parked event back to be handled, the same in every service. */
    public static final InternalGrant REDRIVE_PARKED_EVENT = of("redrive parked events", PlatformRole.OPERATOR,
            InternalClient.OPERATORS);

    public InternalGrant {
        clients = Set.copyOf(clients);
    }

    public static InternalGrant of(String call, PlatformRole role, InternalClient first, InternalClient... others) {
        return new InternalGrant(call, role, EnumSet.of(first, others));
    }

    public boolean admits(InternalCaller caller) {
        return caller != null && clients.contains(caller.client()) && caller.holds(role);
    }
}
