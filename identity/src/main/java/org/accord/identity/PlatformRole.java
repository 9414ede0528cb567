package org.accord.identity;

import java.util.Arrays;
import java.util.Locale;

/** Realm roles of the alliance realm that the platform acts on. */
public enum PlatformRole {
    OFFICER, LIAISON, ANALYST, SERVICE;

    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String authority() {
        return "ROLE_" + claimValue();
    }

    static boolean isPlatformRole(String claimValue) {
        return Arrays.stream(values()).anyMatch(role -> role.claimValue().equals(claimValue));
    }
}
