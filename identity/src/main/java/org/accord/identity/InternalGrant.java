package org.accord.identity;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may make one internal call: the platform clients it serves, each holding the role the call needs. Both must
 * hold, so a client given a role by mistake still reaches only the calls meant for it, and a client meant for a call
 * reaches it only while its account holds the role. Services' access policies keep one of these per internal call.
 */
public record InternalGrant(PlatformRole role, Set<InternalClient> clients) {

    public InternalGrant {
        clients = Set.copyOf(clients);
    }

    public static InternalGrant of(PlatformRole role, InternalClient first, InternalClient... others) {
        return new InternalGrant(role, EnumSet.of(first, others));
    }

    public boolean admits(InternalCaller caller) {
        return caller != null && clients.contains(caller.client()) && caller.holds(role);
    }
}
