package org.accord.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The secrets table of PRODUCTION.md, the alliance realm that production imports and the gateway's and services'
 * {@code application*.yml} agree: every secret a process reads has a row naming its variable, every client secret
 * read belongs to a confidential client of the realm, every confidential client has a row (Keycloak makes its secret
 * at the import, the realm file holds none), a service reads its own client's secret from that row's variable, and
 * the local launch gives each client the demo value of that same variable.
 */
class SecretsTableTest {

    private static final List<String> PROCESSES = List.of("gateway", "cases", "tasks", "notifications");
    /** What the start check recognises as a secret: see the identity library's SecretSetting. */
    private static final Pattern SECRET_VARIABLE = Pattern.compile("ACCORD_[A-Z0-9_]*_SECRET(?:_KEY)?");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(:[^}]*)?}");
    private static final Path ROOT = LaunchSettings.findProjectRoot();

    /** A property of a process's configuration that holds a secret. */
    record Setting(String process, String file, String property, String value) {
    }

    /** A row of the table. */
    record Row(String secret, String variable, String readBy, String realmClient) {
    }

    @Test
    void everySecretOfTheConfigurationComesFromAnEnvironmentVariableTheStartCheckKnowsWithoutADefault()
            throws IOException {
        assertThat(settings()).isNotEmpty().allSatisfy(setting -> {
            Matcher placeholder = PLACEHOLDER.matcher(setting.value());
            assertThat(placeholder.matches()).as("%s in %s is an environment variable", setting.property(),
                    setting.file()).isTrue();
            assertThat(placeholder.group(2)).as("%s in %s has no default", setting.property(), setting.file())
                    .isNull();
            assertThat(placeholder.group(1)).as("%s in %s", setting.property(), setting.file())
                    .matches(SECRET_VARIABLE);
        });
    }

    @Test
    void theTableNamesEverySecretTheProcessesReadWithItsVariableProcessAndProperty() throws IOException {
        Map<String, Row> table = table();

        assertThat(settings()).allSatisfy(setting -> {
            String variable = variable(setting.value());
            assertThat(table).as("a row for %s", variable).containsKey(variable);
            assertThat(table.get(variable).readBy()).as("who reads %s", variable).contains(setting.process())
                    .contains("`" + setting.property() + "`");
        });
    }

    @Test
    void everyConfidentialClientOfTheRealmHasARowAndItsProcessReadsItsSecretFromThatRowsVariable()
            throws IOException {
        Map<String, Row> table = table();
        List<Setting> settings = settings();

        assertThat(realmClients()).isNotEmpty().allSatisfy(client -> {
            List<Row> rows = table.values().stream().filter(row -> row.realmClient().equals("`" + client + "`"))
                    .toList();
            assertThat(rows).as("one row for the secret of the realm client %s", client).hasSize(1);
            String variable = rows.get(0).variable();
            String process = client.replaceFirst("^accord-", "");
            if (PROCESSES.contains(process)) {
                assertThat(settings).as("%s reads the secret of its client %s from %s", process, client, variable)
                        .anyMatch(setting -> setting.process().equals(process)
                                && variable(setting.value()).equals(variable));
            }
        });
    }

    @Test
    void everyClientSecretAProcessReadsBelongsToAClientOfTheRealm() throws IOException {
        Map<String, Row> table = table();
        List<String> clients = realmClients();

        assertThat(settings()).map(setting -> variable(setting.value())).filteredOn(name -> name.endsWith("_SECRET"))
                .isNotEmpty().allSatisfy(variable -> assertThat(table.get(variable).realmClient())
                        .as("the realm client whose secret %s is", variable)
                        .isIn(clients.stream().map(client -> "`" + client + "`").toList()));
    }

    @Test
    void theLocalLaunchGivesEachRealmClientTheDemoValueOfTheVariableTheTableNamesForIt() throws IOException {
        JsonNode demo = JsonMapper.builder().build().readTree(ROOT.resolve(
                "identity/keycloak/demo/alliance-additions.json").toFile()).path("clientSecrets");
        Map<String, String> byClient = new LinkedHashMap<>();
        demo.properties().forEach(entry -> byClient.put(entry.getKey(), entry.getValue().asString()));
        Map<String, String> fromTable = new LinkedHashMap<>();
        table().values().stream().filter(row -> row.variable().startsWith("ACCORD_") && !row.realmClient().equals("—"))
                .forEach(row -> fromTable.put(row.realmClient().replace("`", ""), row.variable()));

        assertThat(byClient).isEqualTo(fromTable);
    }

    @Test
    void everyPlatformVariableOfTheTableIsReadWhereTheTableSays() throws IOException {
        List<Setting> settings = settings();
        List<String> clients = realmClients();

        assertThat(table().values()).filteredOn(row -> row.variable().startsWith("ACCORD_")).isNotEmpty()
                .allSatisfy(row -> {
                    for (String process : PROCESSES) {
                        boolean reads = settings.stream().anyMatch(setting -> setting.process().equals(process)
                                && variable(setting.value()).equals(row.variable()));
                        assertThat(reads).as("%s reads %s, as the table says", process, row.variable())
                                .isEqualTo(row.readBy().matches("(?s).*\\b" + process + "\\b.*"));
                    }
                    String client = row.realmClient().replace("`", "");
                    assertThat(row.variable().endsWith("_SECRET") ? clients.contains(client) : client.equals("—"))
                            .as("the realm client of %s: %s", row.variable(), row.realmClient()).isTrue();
                });
    }

    /** Each process's settings whose name says they hold a secret, from every {@code application*.yml} it ships. */
    private static List<Setting> settings() throws IOException {
        List<Setting> settings = new ArrayList<>();
        for (String process : PROCESSES) {
            Path resources = ROOT.resolve(process).resolve("src/main/resources");
            try (Stream<Path> files = Files.list(resources)) {
                for (Path file : files.filter(f -> f.getFileName().toString().matches("application.*\\.ya?ml"))
                        .sorted().toList()) {
                    properties(file).forEach((property, value) -> {
                        if (property.matches(".*(secret|password).*")) {
                            settings.add(new Setting(process, ROOT.relativize(file).toString(), property, value));
                        }
                    });
                }
            }
        }
        return settings;
    }

    /** The scalar properties of a block-style YAML file by their dotted names; lists are left out. */
    private static Map<String, String> properties(Path yaml) throws IOException {
        Map<String, String> properties = new LinkedHashMap<>();
        Deque<Map.Entry<Integer, String>> parents = new ArrayDeque<>();
        Pattern line = Pattern.compile("^( *)([A-Za-z0-9_.\\-]+):\\s*(.*?)\\s*$");
        for (String text : Files.readAllLines(yaml)) {
            Matcher entry = line.matcher(text);
            if (text.isBlank() || text.trim().startsWith("#") || text.trim().equals("---") || !entry.matches()) {
                continue;
            }
            int indent = entry.group(1).length();
            while (!parents.isEmpty() && parents.peek().getKey() >= indent) {
                parents.pop();
            }
            List<String> path = new ArrayList<>();
            parents.descendingIterator().forEachRemaining(parent -> path.add(parent.getValue()));
            path.add(entry.group(2));
            String value = entry.group(3).replaceFirst("\\s+#.*$", "");
            if (value.isEmpty()) {
                parents.push(Map.entry(indent, entry.group(2)));
            } else {
                properties.put(String.join(".", path), value);
            }
        }
        return properties;
    }

    /**
     * The confidential clients of the alliance realm that production imports, which holds no secret of any of them:
     * Keycloak makes each at the import.
     */
    private static List<String> realmClients() throws IOException {
        JsonNode realm = JsonMapper.builder().build().readTree(ROOT.resolve("identity/keycloak/alliance-realm.json")
                .toFile());
        List<String> clients = new ArrayList<>();
        for (JsonNode client : realm.path("clients")) {
            assertThat(client.has("secret")).as("the realm file holds a secret of %s", client.path("clientId"))
                    .isFalse();
            if (!client.path("publicClient").asBoolean(false) && !client.path("bearerOnly").asBoolean(false)) {
                clients.add(client.get("clientId").asString());
            }
        }
        return clients;
    }

    /** The table after the heading "Secrets" of PRODUCTION.md, by variable ("—" rows left out). */
    private static Map<String, Row> table() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("deploy/PRODUCTION.md"));
        int heading = lines.indexOf("## Secrets");
        assertThat(heading).as("PRODUCTION.md has a section Secrets").isNotNegative();
        Map<String, Row> rows = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : lines.subList(heading + 1, lines.size())) {
            if (!line.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            inTable = true;
            String[] cells = line.substring(1, line.length() - 1).split("\\|");
            String variable = cells[1].trim();
            if (variable.startsWith("`")) {
                String name = variable.replace("`", "");
                assertThat(rows).as("one row for %s", name).doesNotContainKey(name);
                rows.put(name, new Row(cells[0].trim(), name, cells[2].trim(), cells[3].trim()));
            }
        }
        assertThat(rows).as("the secrets table of PRODUCTION.md").isNotEmpty();
        return rows;
    }

    private static String variable(String value) {
        Matcher placeholder = PLACEHOLDER.matcher(value);
        assertThat(placeholder.matches()).as("%s is an environment variable", value).isTrue();
        return placeholder.group(1);
    }
}
