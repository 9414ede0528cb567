package org.accord.support.token;

import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;

/** What a service's failed sign-in at the alliance realm says about asking again soon. */
public final class ServiceTokenFailures {

    private ServiceTokenFailures() {
    }

    /**
     * Whether the realm was unreachable or failing (5xx), so another attempt may get a token; a refused sign-in (a
     * wrong secret, a disabled client) or an unreadable answer stays so.
     */
    public static boolean worthRetrying(OAuth2AuthorizationException noToken) {
        for (Throwable cause = noToken; cause != null; cause = cause.getCause()) {
            if (cause instanceof ResourceAccessException) {
                return true;
            }
            if (cause instanceof RestClientResponseException answered) {
                return answered.getStatusCode().is5xxServerError();
            }
        }
        return false;
    }
}
