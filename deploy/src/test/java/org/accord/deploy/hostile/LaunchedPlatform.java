package org.accord.deploy.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.accord.deploy.LaunchSettings;
import org.accord.deploy.LocalPlatform;
import org.accord.identity.testing.AllianceLogins;
import org.accord.identity.testing.BrowserSession;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One launched platform for every hostile test class of the test JVM: started by the first class that asks for it,
 * stopped when the test run ends. Tests share it, so each makes its own cases and never depends on another's.
 */
public final class LaunchedPlatform implements BeforeAllCallback {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(LaunchedPlatform.class, key -> start(), Running.class);
    }

    private static synchronized Running start() {
        if (running == null) {
            try {
                Path dataDir = Files.createTempDirectory("accord-hostile");
                LocalPlatform platform = new LocalPlatform(
                        LaunchSettings.onFreePorts(LaunchSettings.findProjectRoot(), dataDir)).start();
                running = new Running(platform, dataDir,
                        new AllianceLogins(platform.keycloakUrl(), platform.gatewayUrl(),
                                platform.keycloakAdminPassword()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return running;
    }

    /** The running platform; only inside a class extended with this. */
    public static LocalPlatform platform() {
        return running().platform;
    }

    public static AllianceLogins logins() {
        return running().logins;
    }

    /** The gateway's address of an API path, e.g. {@code api("/cases")}. */
    public static String api(String path) {
        return platform().gatewayUrl() + "/api" + path;
    }

    public static JsonNode json(BrowserSession.Page page) {
        return JSON.readTree(page.body());
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** A call with a Bearer token (or none), as a partner system or a service makes it. */
    public static HttpResponse<String> bearer(String method, String url, String token, String contentType,
            String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(url + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * What every attack ends with: the originating country's audit of the case still verifies, and holds at least
     * one entry by the given country (the attacker's access is on the record).
     */
    public static void assertAuditIntactAndListing(BrowserSession originator, String caseId, String country) {
        BrowserSession.Page verification = originator.get(api("/cases/" + caseId + "/audit/verification"));
        assertThat(verification.status()).as(verification.body()).isEqualTo(200);
        assertThat(json(verification).path("intact").asBoolean()).as(verification.body()).isTrue();
        BrowserSession.Page audit = originator.get(api("/cases/" + caseId + "/audit?size=100"));
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        boolean listed = false;
        for (JsonNode entry : json(audit).path("items")) {
            listed |= country.equals(entry.path("country").asString());
        }
        assertThat(listed).as("%s's access in the audit of %s: %s", country, caseId, audit.body()).isTrue();
    }

    private static Running running() {
        if (running == null) {
            throw new IllegalStateException("extend the test class with LaunchedPlatform");
        }
        return running;
    }

    private record Running(LocalPlatform platform, Path dataDir, AllianceLogins logins)
            implements AutoCloseable {

        @Override
        public void close() throws IOException {
            synchronized (LaunchedPlatform.class) {
                LaunchedPlatform.running = null;
            }
            platform.close();
            try (Stream<Path> files = Files.walk(dataDir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
