package org.accord.identity.extension;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Registers {@link SessionsEndedOnRemoval} as the event listener {@value #ID}, which a government's realm lists among
 * its event listeners (with admin events on) to take effect.
 */
public final class SessionsEndedOnRemovalFactory implements EventListenerProviderFactory {

    public static final String ID = "accord-end-sessions-on-removal";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new SessionsEndedOnRemoval(session);
    }

    @Override
    public void init(Config.Scope config) {
        // nothing to configure
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // nothing to prepare
    }

    @Override
    public void close() {
        // holds nothing of its own
    }

    @Override
    public String getId() {
        return ID;
    }
}
