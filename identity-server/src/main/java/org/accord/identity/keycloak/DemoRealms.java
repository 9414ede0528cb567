package org.accord.identity.keycloak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The realms the local launch and the tests import: those of the realm folder, which production imports as they
 * are, and the demo set of its {@code demo} folder. A demo {@code <realm>-realm.json} is a realm of its own (a demo
 * government's identity provider); a demo {@code <realm>-additions.json} holds lists (clients, users, identity
 * providers and their mappers) joined to the lists of that realm, so production's file never carries them, and
 * {@value #CLIENT_SECRETS}: for each of that realm's own clients, the name of the demo secret it is given.
 * Production's file holds no client secret, so that Keycloak makes one at random for each client there.
 */
final class DemoRealms {

    /** The additions' entry that gives the realm's own clients the local launch's secrets, by client id. */
    static final String CLIENT_SECRETS = "clientSecrets";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DemoRealms() {
    }

    /** Writes every realm to import into {@code importDirectory}, one file per realm. */
    static void write(Path realmDirectory, Path importDirectory, Map<String, String> demoSecrets) throws IOException {
        writeProduction(realmDirectory, importDirectory);
        Path demo = realmDirectory.resolve("demo");
        if (!Files.isDirectory(demo)) {
            return;
        }
        for (Path realm : files(demo, "-realm.json")) {
            Files.copy(realm, importDirectory.resolve(realm.getFileName()));
        }
        for (Path additions : files(demo, "-additions.json")) {
            String realm = additions.getFileName().toString().replace("-additions.json", "");
            Path target = importDirectory.resolve(realm + "-realm.json");
            if (!Files.isRegularFile(target)) {
                throw new IOException(additions + " adds to a realm that is not there: " + target.getFileName());
            }
            ObjectNode joined = join((ObjectNode) JSON.readTree(target.toFile()), JSON.readTree(additions.toFile()),
                    additions, demoSecrets);
            JSON.writerWithDefaultPrettyPrinter().writeValue(target.toFile(), joined);
        }
    }

    /** Writes only what production imports, the realm folder's own realms, into {@code importDirectory}. */
    static void writeProduction(Path realmDirectory, Path importDirectory) throws IOException {
        for (Path realm : files(realmDirectory, "-realm.json")) {
            Files.copy(realm, importDirectory.resolve(realm.getFileName()));
        }
    }

    private static ObjectNode join(ObjectNode realm, JsonNode additions, Path source, Map<String, String> demoSecrets)
            throws IOException {
        for (Map.Entry<String, JsonNode> entry : additions.properties()) {
            if (entry.getKey().equals(CLIENT_SECRETS)) {
                giveSecrets(realm, entry.getValue(), source, demoSecrets);
                continue;
            }
            if (!entry.getValue().isArray()) {
                throw new IOException(source + " may only add to lists and give " + CLIENT_SECRETS + "; "
                        + entry.getKey() + " is neither");
            }
            JsonNode existing = realm.get(entry.getKey());
            ArrayNode target = existing instanceof ArrayNode array ? array : realm.putArray(entry.getKey());
            target.addAll((ArrayNode) entry.getValue());
        }
        return realm;
    }

    /** Sets each named client's secret to its demo value, from the one file of demo secrets. */
    private static void giveSecrets(ObjectNode realm, JsonNode secretNames, Path source,
            Map<String, String> demoSecrets) throws IOException {
        for (Map.Entry<String, JsonNode> entry : secretNames.properties()) {
            String name = entry.getValue().asString();
            if (!demoSecrets.containsKey(name)) {
                throw new IOException(source + " gives " + entry.getKey() + " the demo secret " + name
                        + ", which the demo secrets do not hold");
            }
            ObjectNode client = client(realm, entry.getKey(), source);
            client.put("secret", demoSecrets.get(name));
        }
    }

    private static ObjectNode client(ObjectNode realm, String clientId, Path source) throws IOException {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asString().equals(clientId)) {
                if (client.path("publicClient").asBoolean(false)) {
                    throw new IOException(source + " gives a secret to the public client " + clientId);
                }
                return (ObjectNode) client;
            }
        }
        throw new IOException(source + " gives a secret to the client " + clientId + ", which the realm has not");
    }

    private static List<Path> files(Path directory, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }
}
