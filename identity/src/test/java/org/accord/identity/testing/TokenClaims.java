package org.accord.identity.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Reads and forges the payload of a JWT the way an attacker could: without the key. */
public final class TokenClaims {

    private TokenClaims() {
    }

    public static String payload(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    /** The token with its payload text replaced; the signature no longer matches. */
    public static String withPayloadEdited(String token, String find, String replacement) {
        String[] parts = token.split("\\.");
        String payload = payload(token);
        if (!payload.contains(find)) {
            throw new IllegalArgumentException("the payload does not contain " + find + ": " + payload);
        }
        String edited = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace(find, replacement).getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + edited + "." + parts[2];
    }
}
