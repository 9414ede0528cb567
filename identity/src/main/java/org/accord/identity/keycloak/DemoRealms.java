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
 * providers and their mappers) joined to the lists of that realm, so production's file never carries them.
 */
final class DemoRealms {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DemoRealms() {
    }

    /** Writes every realm to import into {@code importDirectory}, one file per realm. */
    static void write(Path realmDirectory, Path importDirectory) throws IOException {
        for (Path realm : files(realmDirectory, "-realm.json")) {
            Files.copy(realm, importDirectory.resolve(realm.getFileName()));
        }
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
                    additions);
            JSON.writerWithDefaultPrettyPrinter().writeValue(target.toFile(), joined);
        }
    }

    private static ObjectNode join(ObjectNode realm, JsonNode additions, Path source) throws IOException {
        for (Map.Entry<String, JsonNode> list : additions.properties()) {
            if (!list.getValue().isArray()) {
                throw new IOException(source + " may only add to lists; " + list.getKey() + " is not one");
            }
            JsonNode existing = realm.get(list.getKey());
            ArrayNode target = existing instanceof ArrayNode array ? array : realm.putArray(list.getKey());
            target.addAll((ArrayNode) list.getValue());
        }
        return realm;
    }

    private static List<Path> files(Path directory, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }
}
