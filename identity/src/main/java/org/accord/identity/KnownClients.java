package org.accord.identity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The clients of the alliance realm whose tokens the platform takes, recognised by the token's {@code azp}: the
 * gateway's login client (people signed in through the web client), each member country's partner-system client,
 * named by {@code partnerSystems} with {@code {cc}} for the country code in lower case, and the platform's own
 * clients, which call {@code /internal/**} and nothing else: one per service and one for the operators. A token of any
 * other client of the realm is refused as if there were none, even when it carries the platform's audience.
 *
 * @param login          the clients people sign in through ({@code accord-gateway})
 * @param partnerSystems the name of a member country's partner-system client ({@code {cc}-systems})
 * @param cases          the cases service's own client ({@code accord-cases})
 * @param tasks          the tasks service's own client ({@code accord-tasks})
 * @param notifications  the notifications service's own client ({@code accord-notifications})
 * @param operators      the operators' client, for parked events ({@code accord-operators})
 */
public record KnownClients(List<String> login, String partnerSystems, String cases, String tasks,
        String notifications, String operators) {

    private static final String COUNTRY = "{cc}";

    public KnownClients {
        login = login == null || login.isEmpty() ? List.of("accord-gateway") : List.copyOf(login);
        partnerSystems = partnerSystems == null || partnerSystems.isBlank() ? COUNTRY + "-systems" : partnerSystems;
        cases = orDefault(cases, "accord-cases");
        tasks = orDefault(tasks, "accord-tasks");
        notifications = orDefault(notifications, "accord-notifications");
        operators = orDefault(operators, "accord-operators");
        if (!partnerSystems.contains(COUNTRY)) {
            throw new IllegalArgumentException("the partner-system client name must hold " + COUNTRY
                    + " for the country code, as in " + COUNTRY + "-systems");
        }
    }

    /** The defaults: {@code accord-gateway}, {@code {cc}-systems}, {@code accord-<service>}, {@code accord-operators}. */
    public static KnownClients defaults() {
        return new KnownClients(null, null, null, null, null, null);
    }

    /** The partner-system client of a member country: {@code FR} → {@code fr-systems}. */
    public String partnerSystemsOf(String country) {
        return partnerSystems.replace(COUNTRY, country.toLowerCase(Locale.ROOT));
    }

    /** The name of one of the platform's own clients in the realm. */
    public String nameOf(InternalClient client) {
        return switch (client) {
            case CASES -> cases;
            case TASKS -> tasks;
            case NOTIFICATIONS -> notifications;
            case OPERATORS -> operators;
        };
    }

    /** Which of the platform's own clients {@code client} names, if any. */
    public Optional<InternalClient> internalClient(String client) {
        for (InternalClient internal : InternalClient.values()) {
            if (nameOf(internal).equals(client)) {
                return Optional.of(internal);
            }
        }
        return Optional.empty();
    }

    private static String orDefault(String name, String fallback) {
        return name == null || name.isBlank() ? fallback : name;
    }
}
