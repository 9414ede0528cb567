package org.accord.identity;

import java.util.Arrays;
import java.util.Locale;

/**
 * Realm roles of the alliance realm that the platform acts on. People and partner systems act in one of the first
 * three; {@code service} is the platform's own and opens only {@code /internal/**}.
 */
public enum PlatformRole {
    OFFICER(true), LIAISON(true), ANALYST(true), SERVICE(false);

    private final boolean opensTheApi;

    PlatformRole(boolean opensTheApi) {
        this.opensTheApi = opensTheApi;
    }

    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String authority() {
        return "ROLE_" + claimValue();
    }

    /** Whether holding the role lets a caller of a member country use the API of people and partner systems. */
    public boolean opensTheApi() {
        return opensTheApi;
    }

    static boolean isPlatformRole(String claimValue) {
        return Arrays.stream(values()).anyMatch(role -> role.claimValue().equals(claimValue));
    }

    static boolean opensTheApi(String claimValue) {
        return Arrays.stream(values()).anyMatch(role -> role.opensTheApi && role.claimValue().equals(claimValue));
    }
}
