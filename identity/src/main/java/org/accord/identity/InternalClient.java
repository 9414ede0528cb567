package org.accord.identity;

/**
 * The platform's own clients, which call {@code /internal/**} and nothing else: the three services, each on its own
 * behalf, and the operators' client, which people use for parked events. Which client a token was issued to is its
 * {@code azp}, named in {@link KnownClients}.
 */
public enum InternalClient {
    CASES, TASKS, NOTIFICATIONS, OPERATORS
}
