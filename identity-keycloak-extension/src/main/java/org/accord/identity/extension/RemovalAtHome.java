package org.accord.identity.extension;

import java.util.Optional;

import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;

/**
 * What an administrator's change in a government's realm means for a person's sign-in: read from the admin event's
 * resource path ({@code users/{id}}, {@code users/{id}/role-mappings/...}, {@code users/{id}/groups/{group}},
 * {@code groups/{id}/role-mappings/...}).
 *
 * @param userId  the person the change is about, when it is about one person
 * @param groupId the group whose members all lost a role, when a role was taken from a group
 * @param disabling whether the change only counts if the person is now disabled (an update of the person)
 */
record RemovalAtHome(String userId, String groupId, boolean disabling) {

    /** The removal an admin event stands for, or empty when it takes nothing away from anyone. */
    static Optional<RemovalAtHome> of(AdminEvent event) {
        String[] path = event.getResourcePath() == null ? new String[0] : event.getResourcePath().split("/");
        if (path.length < 2) {
            return Optional.empty();
        }
        ResourceType type = event.getResourceType();
        OperationType operation = event.getOperationType();
        boolean aboutUser = path[0].equals("users");
        if (type == ResourceType.USER && operation == OperationType.UPDATE && aboutUser && path.length == 2) {
            return Optional.of(new RemovalAtHome(path[1], null, true));
        }
        if (operation != OperationType.DELETE) {
            return Optional.empty();
        }
        boolean roleTaken = type == ResourceType.REALM_ROLE_MAPPING || type == ResourceType.CLIENT_ROLE_MAPPING;
        if (roleTaken && aboutUser) {
            return Optional.of(new RemovalAtHome(path[1], null, false));
        }
        if (roleTaken && path[0].equals("groups")) {
            return Optional.of(new RemovalAtHome(null, path[1], false));
        }
        if (type == ResourceType.GROUP_MEMBERSHIP && aboutUser) {
            return Optional.of(new RemovalAtHome(path[1], null, false));
        }
        return Optional.empty();
    }
}
