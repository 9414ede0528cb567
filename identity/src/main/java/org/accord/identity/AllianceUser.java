package org.accord.identity;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, as the alliance realm vouches for it: the subject, the username, the country stamped by the
 * national identity provider, and the platform roles.
 */
public record AllianceUser(String subject, String username, String country, Set<String> roles) {

    public static final String COUNTRY_CLAIM = "country";

    public AllianceUser {
        roles = Set.copyOf(roles);
    }

    public static AllianceUser from(Jwt jwt) {
        return new AllianceUser(jwt.getSubject(), jwt.getClaimAsString("preferred_username"),
                jwt.getClaimAsString(COUNTRY_CLAIM), platformRoles(jwt));
    }

    /** The realm roles that mean something to the platform, in a stable order. */
    static Set<String> platformRoles(Jwt jwt) {
        Set<String> roles = new TreeSet<>();
        if (jwt.getClaim("realm_access") instanceof Map<?, ?> realmAccess
                && realmAccess.get("roles") instanceof List<?> list) {
            for (Object role : list) {
                if (role instanceof String name && PlatformRole.isPlatformRole(name)) {
                    roles.add(name);
                }
            }
        }
        return roles;
    }

    public boolean hasRole(PlatformRole role) {
        return roles.contains(role.claimValue());
    }

    /** Whether the user holds a role people act in on the platform; without one, a user may only ask who they are. */
    public boolean hasApiRole() {
        return roles.stream().anyMatch(PlatformRole::opensTheApi);
    }

    /** Whether the user is an officer or a liaison: the roles that change things, where analysts only read. */
    public boolean isOfficerOrLiaison() {
        return hasRole(PlatformRole.OFFICER) || hasRole(PlatformRole.LIAISON);
    }

    public boolean isLiaison() {
        return hasRole(PlatformRole.LIAISON);
    }
}
