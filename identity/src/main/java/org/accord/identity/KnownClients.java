package org.accord.identity;

import java.util.List;
import java.util.Locale;

/**
 * The clients of the alliance realm whose tokens the platform takes, recognised by the token's {@code azp}: the
 * gateway's login client (people signed in through the web client), each member country's partner-system client,
 * named by {@code partnerSystems} with {@code {cc}} for the country code in lower case, and the platform's own
 * services, which call each other's {@code /internal/**} and nothing else. A token of any other client of the realm is
 * refused as if there were none, even when it carries the platform's audience.
 *
 * @param login          the clients people sign in through ({@code accord-gateway})
 * @param partnerSystems the name of a member country's partner-system client ({@code {cc}-systems})
 * @param services       the platform services' own clients ({@code accord-cases}, {@code accord-tasks},
 *                       {@code accord-notifications})
 */
public record KnownClients(List<String> login, String partnerSystems, List<String> services) {

    private static final String COUNTRY = "{cc}";

    public KnownClients {
        login = login == null || login.isEmpty() ? List.of("accord-gateway") : List.copyOf(login);
        partnerSystems = partnerSystems == null || partnerSystems.isBlank() ? COUNTRY + "-systems" : partnerSystems;
        services = services == null || services.isEmpty()
                ? List.of("accord-cases", "accord-tasks", "accord-notifications")
                : List.copyOf(services);
        if (!partnerSystems.contains(COUNTRY)) {
            throw new IllegalArgumentException("the partner-system client name must hold " + COUNTRY
                    + " for the country code, as in " + COUNTRY + "-systems");
        }
    }

    /** The partner-system client of a member country: {@code FR} → {@code fr-systems}. */
    public String partnerSystemsOf(String country) {
        return partnerSystems.replace(COUNTRY, country.toLowerCase(Locale.ROOT));
    }
}
