package org.accord.deploy.hostile;

import static org.accord.deploy.hostile.LaunchedPlatform.api;
import static org.accord.deploy.hostile.LaunchedPlatform.json;
import static org.accord.deploy.hostile.LaunchedPlatform.logins;
import static org.accord.deploy.hostile.LaunchedPlatform.platform;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.accord.identity.testing.BrowserSession;
import org.accord.identity.testing.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

/**
 * A liaison turns its country's partner webhook against the platform's own network: it points the webhook at
 * special-purpose addresses, and it uses the delivery log to learn which ports of the platform's machine answer.
 * The local launch allows loopback webhooks for its demonstration, and nothing else.
 */
@ExtendWith(LaunchedPlatform.class)
class HostileWebhookIntegrationTest {

    /** What the delivery log may say of an attempt: a class from a fixed set, each with its fixed sentence. */
    private static final Set<String> FAILURE_CLASSES = Set.of("CONNECTION_FAILED", "TIMED_OUT", "TLS_FAILED",
            "ADDRESS_NOT_ALLOWED");
    private static final Duration DELIVERY_WAIT = Duration.ofSeconds(120);

    @Test
    void aLiaisonCannotPointItsWebhookAtSpecialPurposeAddresses() {
        BrowserSession liaison = logins().gatewaySession("gb-liaison");
        JsonNode before = settings(liaison, "GB");
        List<String> accepted = new ArrayList<>();
        for (String host : List.of(
                // Shared, benchmarking, documentation, reserved, private, link-local, "this network".
                "100.64.0.1", "198.18.0.1", "192.0.2.1", "240.0.0.1", "10.0.0.1", "169.254.169.254", "0.0.0.0",
                // Unique-local, link-local, documentation and discard-only IPv6.
                "[fc00::1]", "[fe80::1]", "[2001:db8::1]", "[100::1]",
                // IPv6 forms carrying a private IPv4 address: mapped, compatible, NAT64, 6to4, Teredo.
                "[::ffff:10.0.0.1]", "[::10.0.0.1]", "[64:ff9b::a00:1]", "[2002:a00:1::]",
                "[2001:0:4136:e378:8000:63bf:f5ff:fffe]",
                // Loopback only in forms the local launch does not allow.
                "[::127.0.0.1]", "[64:ff9b::7f00:1]", "[2002:7f00:1::]")) {
            String url = "https://" + host + "/accord";
            BrowserSession.Page put = liaison.sendJson("PUT", api("/partners/GB"), settingsBody(url));
            if (put.status() == 200) {
                // Put the webhook back before anything is sent to it, then report.
                accepted.add(url);
                restore(liaison, "GB", before);
                continue;
            }
            assertThat(put.status()).as(url + ": " + put.body()).isEqualTo(400);
            assertThat(put.header("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json(put).path("type").asString()).endsWith("/problems/invalid-input");
            assertThat(put.body()).as(url).contains("webhookUrl");
            assertThat(settings(liaison, "GB").path("webhookUrl")).as("nothing stored for " + url)
                    .isEqualTo(before.path("webhookUrl"));
        }
        assertThat(accepted).as("webhook URLs the guard let through").isEmpty();

        // What the local launch allows for its demonstration: this machine's loopback, and only that.
        for (String url : List.of("https://127.0.0.1:9443/accord", "https://[::1]:9443/accord")) {
            BrowserSession.Page put = liaison.sendJson("PUT", api("/partners/GB"), settingsBody(url));
            assertThat(put.status()).as(url + ": " + put.body()).isEqualTo(200);
        }
        restore(liaison, "GB", before);
    }

    @Test
    void theDeliveryLogDoesNotTellWhichPortsOfThePlatformsMachineAnswer() throws IOException {
        BrowserSession liaison = logins().gatewaySession("ca-liaison");
        BrowserSession france = logins().gatewaySession("fr-officer");
        JsonNode before = settings(liaison, "CA");
        BrowserSession.Page rotated = liaison.send("POST", api("/partners/CA/webhook-secret"), null, null);
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        int closed = FreePorts.next();
        int gateway = URI.create(platform().gatewayUrl()).getPort();
        Map<String, JsonNode> attempts = new LinkedHashMap<>();
        try (NotAWebServer open = new NotAWebServer()) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            ports.put("closed", closed);
            ports.put("open, not a web server", open.port());
            ports.put("the platform's own gateway", gateway);
            for (Map.Entry<String, Integer> port : ports.entrySet()) {
                String url = "https://127.0.0.1:" + port.getValue() + "/accord";
                BrowserSession.Page put = liaison.sendJson("PUT", api("/partners/CA"), settingsBody(url));
                assertThat(put.status()).as(put.body()).isEqualTo(200);
                String caseId = caseSharedWithCanada(france);
                JsonNode delivery = firstAttemptedDelivery(liaison, caseId);
                String shown = delivery.toString();
                for (String particular : List.of(":" + port.getValue(), "127.0.0.1", "localhost", "refused",
                        "Exception", "SSL", "handshake", "Connect", "Unsupported", "reset")) {
                    assertThat(shown).as("%s port: the delivery log names no %s: %s", port.getKey(), particular,
                            shown).doesNotContain(particular);
                }
                attempts.put(port.getKey(), delivery.path("attempts").path("recent").get(0));
            }
        } finally {
            restore(liaison, "CA", before);
        }
        for (Map.Entry<String, JsonNode> attempt : attempts.entrySet()) {
            assertThat(attempt.getValue().path("result").asString()).as(attempt.getKey()).isIn(FAILURE_CLASSES);
        }
        // A closed port, a listener that is no web server, and the platform's own service all read alike.
        assertThat(attempts.values().stream().map(attempt -> attempt.path("result").asString()).distinct())
                .as("%s", attempts).hasSize(1);
        assertThat(attempts.values().stream().map(attempt -> attempt.path("detail").asString()).distinct())
                .as("%s", attempts).hasSize(1);
    }

    private static String settingsBody(String webhookUrl) {
        return """
                {"emails":[],"webhookUrl":"%s","events":["CaseShared"],"deliveryMode":"IMMEDIATE"}"""
                .formatted(webhookUrl);
    }

    private static JsonNode settings(BrowserSession liaison, String country) {
        BrowserSession.Page page = liaison.get(api("/partners/" + country));
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return json(page);
    }

    /** Puts back the settings the country had before the test. */
    private static void restore(BrowserSession liaison, String country, JsonNode before) {
        String body = """
                {"emails":%s,"webhookUrl":%s,"events":%s,"deliveryMode":"%s"}""".formatted(before.path("emails"),
                before.path("webhookUrl").isMissingNode() ? "null" : before.path("webhookUrl").toString(),
                before.path("events"), before.path("deliveryMode").asString());
        BrowserSession.Page put = liaison.sendJson("PUT", api("/partners/" + country), body);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
    }

    private static String caseSharedWithCanada(BrowserSession officer) {
        BrowserSession.Page created = officer.sendJson("POST", api("/cases"), """
                {"title": "Convoy stopped at the border %s", "summary": "A relief convoy was stopped.",
                 "situationCountry": "SD", "tlp": "AMBER", "sharedWith": [{"country": "CA", "access": "READ"}],
                 "namedRecipients": [], "tags": []}""".formatted(UUID.randomUUID()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return json(created).path("id").asString();
    }

    /** Canada's webhook delivery of the case, once it has been attempted at least once. */
    private static JsonNode firstAttemptedDelivery(BrowserSession liaison, String caseId) {
        Instant deadline = Instant.now().plus(DELIVERY_WAIT);
        while (true) {
            BrowserSession.Page log = liaison.get(api("/partners/CA/deliveries?size=100"));
            assertThat(log.status()).as(log.body()).isEqualTo(200);
            for (JsonNode delivery : json(log).path("items")) {
                if (caseId.equals(delivery.path("caseId").asString())
                        && "WEBHOOK".equals(delivery.path("channel").asString())
                        && delivery.path("attempts").path("recent").size() > 0) {
                    return delivery;
                }
            }
            assertThat(Instant.now()).as("a webhook attempt for case %s: %s", caseId, log.body())
                    .isBefore(deadline);
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A listener on this machine that answers every connection with a line that is neither TLS nor HTTP. */
    private static final class NotAWebServer implements AutoCloseable {

        private final ServerSocket socket;

        NotAWebServer() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(this::serve, "not-a-web-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket connection = socket.accept()) {
                    OutputStream out = connection.getOutputStream();
                    out.write("SSH-2.0-NotAWebServer\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    InputStream in = connection.getInputStream();
                    in.readNBytes(in.available());
                } catch (IOException closed) {
                    if (socket.isClosed()) {
                        return;
                    }
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
