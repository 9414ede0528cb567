package org.accord.identity.extension;

import java.util.List;
import java.util.stream.Stream;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * Ends a person's sessions in a government's realm as soon as an administrator disables them or takes a role away
 * (directly, or through a group), the way the administrator's "sign out" does: tokens issued before now stop being
 * accepted and every client with a back-channel logout address is told, so whoever trusts this realm (the alliance
 * realm, and through it the platform) signs the person out too. Keycloak itself keeps a disabled person's sessions.
 */
final class SessionsEndedOnRemoval implements EventListenerProvider {

    private static final Logger LOG = Logger.getLogger(SessionsEndedOnRemoval.class);

    private final KeycloakSession session;

    SessionsEndedOnRemoval(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        // sign-ins and sign-outs change no one's standing at home
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        RemovalAtHome.of(event).ifPresent(removal -> {
            RealmModel realm = session.realms().getRealm(event.getRealmId());
            if (realm != null) {
                people(realm, removal).filter(person -> !removal.disabling() || !person.isEnabled())
                        .forEach(person -> endSessions(realm, person));
            }
        });
    }

    private Stream<UserModel> people(RealmModel realm, RemovalAtHome removal) {
        if (removal.userId() != null) {
            return Stream.ofNullable(session.users().getUserById(realm, removal.userId()));
        }
        GroupModel group = realm.getGroupById(removal.groupId());
        return group == null ? Stream.empty() : membersWithin(realm, group);
    }

    /** A group's roles are its subgroups' roles too, so their members lose the role as well. */
    private Stream<UserModel> membersWithin(RealmModel realm, GroupModel group) {
        return Stream.concat(session.users().getGroupMembersStream(realm, group),
                group.getSubGroupsStream().flatMap(child -> membersWithin(realm, child))).distinct();
    }

    private void endSessions(RealmModel realm, UserModel person) {
        session.users().setNotBeforeForUser(realm, person, Time.currentTime());
        KeycloakContext context = session.getContext();
        // collected first: each logout removes its session from the stream's source
        List<UserSessionModel> sessions = session.sessions().getUserSessionsStream(realm, person).toList();
        sessions.forEach(userSession -> AuthenticationManager.backchannelLogout(session, realm, userSession,
                context.getUri(), context.getConnection(), context.getRequestHeaders(), true));
        LOG.infof("ended %d session(s) of %s in realm %s after a removal by an administrator", sessions.size(),
                person.getUsername(), realm.getName());
    }

    @Override
    public void close() {
        // holds nothing of its own
    }
}
