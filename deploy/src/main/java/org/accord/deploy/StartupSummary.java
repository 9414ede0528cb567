package org.accord.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the person who ran the launcher needs once the platform is up: where, who to sign in as, where the logs are. */
final class StartupSummary {

    private static final Map<String, String> DEMO_COUNTRIES = demoCountries();

    private StartupSummary() {
    }

    static String of(LocalPlatform platform) {
        LaunchSettings settings = platform.settings();
        Ports ports = settings.ports();
        StringBuilder text = new StringBuilder();
        text.append("\nAccord is running at ").append(settings.gatewayUrl()).append("\n\n");
        text.append("Sign in with your government and a demo account:\n");
        text.append(String.format("  %-16s %-12s %-12s %-12s %s%n", "government", "officer", "liaison", "analyst",
                "password"));
        DEMO_COUNTRIES.forEach((cc, name) -> text.append(String.format("  %-16s %-12s %-12s %-12s %s%n", name,
                cc + "-officer", cc + "-liaison", cc + "-analyst", "demo-" + cc)));
        text.append("  On the platform each is named after their government: fr-officer is fr-officer@fr.\n");
        text.append("\nPartner systems: client credentials at ").append(settings.issuer())
                .append("/protocol/openid-connect/token\n  ")
                .append(DEMO_COUNTRIES.keySet().stream().map(cc -> cc + "-systems / " + cc + "-systems-secret")
                        .collect(Collectors.joining(", ")))
                .append("\n\n");
        text.append("Keycloak:         ").append(settings.keycloakUrl()).append("/admin (admin / ")
                .append(platform.keycloakAdminPassword()).append(")\n");
        text.append("Metrics, health:  /actuator/prometheus and /actuator/health on the management ports: gateway ")
                .append(ports.gatewayManagement()).append(", cases ").append(ports.casesManagement())
                .append(", tasks ").append(ports.tasksManagement()).append(", notifications ")
                .append(ports.notificationsManagement()).append('\n');
        text.append("Partner inboxes:  SMTP localhost:").append(ports.smtp()).append(", IMAP localhost:")
                .append(ports.imap()).append(" (login: the inbox's address, any password)\n");
        text.append("MongoDB:          mongodb://localhost:").append(ports.mongo()).append('\n');
        text.append("Listening on:     ").append(settings.bindAddress())
                .append(settings.bindAddress().equals(LaunchSettings.LOOPBACK)
                        ? " (this machine only; --listen=all opens every interface)\n"
                        : " (every interface: other machines reach the demo accounts too)\n");
        text.append("Data:             ").append(settings.dataDir()).append('\n');
        text.append("Logs:             ").append(settings.logs()).append(" (")
                .append(String.join(", ", List.of("keycloak", "cases", "tasks", "notifications", "gateway")))
                .append(")\n\n");
        text.append("Started in ").append(String.format("%.1f s", platform.startupTime().toMillis() / 1000.0));
        platform.residentMemory().ifPresent(bytes -> text.append(", using ").append(ResidentMemory.describe(bytes))
                .append(" of resident memory (the launcher and every process it started)"));
        text.append(".\nPress Ctrl-C to stop; starting again keeps the data.\n");
        return text.toString();
    }

    private static Map<String, String> demoCountries() {
        Map<String, String> countries = new LinkedHashMap<>();
        countries.put("us", "United States");
        countries.put("ca", "Canada");
        countries.put("gb", "United Kingdom");
        countries.put("fr", "France");
        countries.put("de", "Germany");
        return countries;
    }
}
