package org.accord.support.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The operations {@code docs/API.md} promises, set beside those a service's OpenAPI document lists, each written as
 * {@code "GET /api/cases/{}"} (path variables unnamed, since the contract and the code may name them differently).
 */
public final class ApiContract {

    private static final Pattern OPERATION = Pattern.compile("`(GET|POST|PUT|PATCH|DELETE) (/[^`\\s?]*)");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private ApiContract() {
    }

    /** The operations under the {@code ## heading} of the contract whose paths start with one of the prefixes. */
    public static Set<String> promised(String heading, String... prefixes) {
        String section = section(read(contract()), heading);
        Set<String> operations = new TreeSet<>();
        Matcher matcher = OPERATION.matcher(section);
        while (matcher.find()) {
            String path = matcher.group(2);
            for (String prefix : prefixes) {
                if (path.startsWith(prefix)) {
                    operations.add(matcher.group(1) + " " + unnamed(path));
                }
            }
        }
        return operations;
    }

    /** The operations an OpenAPI document lists. */
    public static Set<String> documented(JsonNode openApi) {
        Set<String> operations = new TreeSet<>();
        openApi.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (METHODS.contains(operation.getKey())) {
                operations.add(operation.getKey().toUpperCase() + " " + unnamed(path.getKey()));
            }
        }));
        return operations;
    }

    private static String unnamed(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }

    private static String section(String contract, String heading) {
        int start = contract.indexOf("\n## " + heading + "\n");
        if (start < 0) {
            throw new IllegalArgumentException("docs/API.md has no section " + heading);
        }
        int end = contract.indexOf("\n## ", start + 1);
        return end < 0 ? contract.substring(start) : contract.substring(start, end);
    }

    private static Path contract() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs/API.md");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/API.md not found above " + Path.of("").toAbsolutePath());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
