package org.accord.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * Realm roles of the alliance realm that the platform acts on. People and partner systems act in officer, liaison or
 * analyst. The others belong to the platform's own clients and open only {@code /internal/**}, each one call there:
 * a service account holds the roles of what it calls and nothing else, and operators hold their own.
 */
public enum PlatformRole {
    OFFICER("officer", true),
    LIAISON("liaison", true),
    ANALYST("analyst", true),
    /** Hands a case's recorded events to notifications: the cases service. */
    POST_CASE_EVENTS("post-case-events", false),
    /** Hands an action's recorded events to notifications: the tasks service. */
    POST_ACTION_EVENTS("post-action-events", false),
    /** Asks cases who may see a case now: tasks and notifications. */
    READ_CASE_AUDIENCE("read-case-audience", false),
    /** Asks tasks which case and countries an action has: notifications. */
    READ_ACTION_PARTIES("read-action-parties", false),
    /** Lists and redrives parked events: the platform's operators, never a service. */
    OPERATOR("operator", false);

    private final String claimValue;
    private final boolean opensTheApi;

    PlatformRole(String claimValue, boolean opensTheApi) {
        this.claimValue = claimValue;
        this.opensTheApi = opensTheApi;
    }

    public String claimValue() {
        return claimValue;
    }

    public String authority() {
        return "ROLE_" + claimValue;
    }

    /** Whether holding the role lets a caller of a member country use the API of people and partner systems. */
    public boolean opensTheApi() {
        return opensTheApi;
    }

    static Optional<PlatformRole> ofClaim(String claimValue) {
        return Arrays.stream(values()).filter(role -> role.claimValue.equals(claimValue)).findFirst();
    }

    static boolean isPlatformRole(String claimValue) {
        return ofClaim(claimValue).isPresent();
    }

    static boolean opensTheApi(String claimValue) {
        return ofClaim(claimValue).filter(PlatformRole::opensTheApi).isPresent();
    }
}
