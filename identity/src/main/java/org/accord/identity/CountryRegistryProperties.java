package org.accord.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code accord.countries.members} maps each member's ISO code to its name; {@code accord.countries.groups} names
 * groups of members. Without configuration, the demo alliance: the five countries whose national identity providers
 * the checked-in realms define.
 */
@ConfigurationProperties("accord.countries")
public record CountryRegistryProperties(Map<String, String> members, Map<String, List<String>> groups) {

    public CountryRegistryProperties {
        if (members == null || members.isEmpty()) {
            members = new LinkedHashMap<>();
            members.put("US", "United States");
            members.put("CA", "Canada");
            members.put("GB", "United Kingdom");
            members.put("FR", "France");
            members.put("DE", "Germany");
            if (groups == null || groups.isEmpty()) {
                groups = Map.of("NORTH_AMERICA", List.of("US", "CA"), "EUROPE", List.of("GB", "FR", "DE"),
                        "EU", List.of("FR", "DE"));
            }
        }
        if (groups == null) {
            groups = Map.of();
        }
    }
}
