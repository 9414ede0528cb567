package org.accord.identity;

import java.util.Set;

/**
 * Who calls an internal endpoint, as the alliance realm vouches for it: one of the platform's own clients, by the
 * token's {@code azp}, with the realm roles its account holds. A controller takes it as a parameter and hands it to
 * the service's access policy, which decides what the call may do.
 *
 * @param client the platform client the token was issued to
 * @param name   that client's name in the realm ({@code accord-notifications})
 * @param roles  the platform's realm roles in the token
 */
public record InternalCaller(InternalClient client, String name, Set<PlatformRole> roles) {

    public InternalCaller {
        roles = Set.copyOf(roles);
    }

    public boolean holds(PlatformRole role) {
        return roles.contains(role);
    }

    /** How records name the caller: {@code service:accord-notifications}, after the client's own name. */
    public String recordedAs() {
        return "service:" + name;
    }
}
