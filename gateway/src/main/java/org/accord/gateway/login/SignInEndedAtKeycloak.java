package org.accord.gateway.login;

import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.server.session.ReactiveOidcSessionRegistry;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.WebSessionStore;

/**
 * Closes the browser sessions of a sign-in that ended at Keycloak, as the alliance realm's back-channel logout token
 * names them: the person's government ended their session at home (removed, demoted, signed out), an administrator
 * ended it, or it ran out. The session and the tokens it held are gone at once, so the browser's next call is
 * answered as signed out instead of running on until the next token renewal.
 */
public final class SignInEndedAtKeycloak implements ServerLogoutHandler {

    private final ReactiveOidcSessionRegistry signIns;
    private final WebSessionStore sessions;

    public SignInEndedAtKeycloak(ReactiveOidcSessionRegistry signIns, WebSessionStore sessions) {
        this.signIns = signIns;
        this.sessions = sessions;
    }

    @Override
    public Mono<Void> logout(WebFilterExchange exchange, Authentication authentication) {
        if (!(authentication.getPrincipal() instanceof OidcLogoutToken ended)) {
            return Mono.empty();
        }
        // invalidated rather than removed, so a request of that session still in flight cannot store it again
        return signIns.removeSessionInformation(ended)
                .concatMap(signIn -> sessions.retrieveSession(signIn.getSessionId()))
                .concatMap(WebSession::invalidate)
                .then();
    }
}
