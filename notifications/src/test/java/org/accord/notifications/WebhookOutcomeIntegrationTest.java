package org.accord.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.accord.identity.testing.FreePorts;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import tools.jackson.databind.JsonNode;

/**
 * What a liaison reads in the delivery log when the webhook cannot be reached: the class of the outcome and its fixed
 * sentence, never the socket error, host, port or TLS particulars, which go to the service's log under the attempt's
 * request id. A closed port, a port answering something that is not TLS and one that never completes the handshake
 * read alike, so the log does not tell which ports of a host listen.
 */
@ExtendWith(OutputCaptureExtension.class)
class WebhookOutcomeIntegrationTest extends DeliveryIntegrationTestSupport {

    private static final Duration FIRST_ATTEMPT = Duration.ofSeconds(20);
    private static final List<String> ATTEMPT_FIELDS = List.of("at", "outcome", "result", "detail", "requestId");

    @Test
    void aClosedPortShowsOnlyThatNoConnectionWasMade(CapturedOutput log) {
        int closed = FreePorts.next();

        JsonNode attempt = firstAttempt("CA", "https://closed" + PartnerNetwork.DOMAIN + ":" + closed + "/hook",
                closed, log);

        assertThat(attempt.get("result").asString()).isEqualTo("CONNECTION_FAILED");
        assertThat(log.getOut()).as("operators see the particulars").contains("Connection refused");
    }

    @Test
    void aPortAnsweringSomethingOtherThanTlsReadsLikeAClosedOne(CapturedOutput log) throws IOException {
        try (NotAWebServer garbage = new NotAWebServer(true)) {
            JsonNode attempt = firstAttempt("DE", "https://garbage" + PartnerNetwork.DOMAIN + ":" + garbage.port()
                    + "/hook", garbage.port(), log);

            assertThat(attempt.get("result").asString()).isEqualTo("CONNECTION_FAILED");
        }
    }

    @Test
    void aCertificateThePlatformDoesNotTrustShowsATlsFailure(CapturedOutput log) {
        // WireMock's own certificate, which the webhooks' trust store does not hold.
        WireMockServer untrusted = new WireMockServer(WireMockConfiguration.options().httpDisabled(true)
                .httpsPort(0).bindAddress("127.0.0.1"));
        untrusted.start();
        try {
            JsonNode attempt = firstAttempt("GB", "https://untrusted" + PartnerNetwork.DOMAIN + ":"
                    + untrusted.httpsPort() + "/hook", untrusted.httpsPort(), log);

            assertThat(attempt.get("result").asString()).isEqualTo("TLS_FAILED");
            assertThat(log.getOut()).as("operators see the particulars").contains("PKIX");
        } finally {
            untrusted.stop();
        }
    }

    @Test
    void aPortThatAcceptsButNeverCompletesTheHandshakeReadsLikeAClosedOne(CapturedOutput log) throws IOException {
        try (NotAWebServer silent = new NotAWebServer(false)) {
            JsonNode attempt = firstAttempt("US", "https://silent" + PartnerNetwork.DOMAIN + ":" + silent.port()
                    + "/hook", silent.port(), log);

            assertThat(attempt.get("result").asString()).isEqualTo("CONNECTION_FAILED");
        }
    }

    @Test
    void aWebhookThatDoesNotAnswerInTimeShowsATimeOut(CapturedOutput log) {
        PARTNERS.stubFor(post(urlEqualTo("/fr/asleep"))
                .willReturn(ok().withFixedDelay((int) READ_TIMEOUT.plusSeconds(1).toMillis())));

        JsonNode attempt = firstAttempt("FR", partnerUrl("c", "/fr/asleep"), PARTNERS.httpsPort(), log);

        assertThat(attempt.get("result").asString()).isEqualTo("TIMED_OUT");
        PARTNERS.stubFor(post(urlEqualTo("/fr/asleep")).willReturn(ok()));
    }

    @Test
    void anAttemptRecordedBeforeOutcomesWereClassifiedShowsNoneOfItsParticulars() {
        String key = UUID.randomUUID().toString();
        Date then = Date.from(Instant.now().minusSeconds(3600));
        // As an earlier version stored it: the socket error itself.
        mongo.getCollection("deliveries").insertOne(new Document("country", "CA").append("channel", "WEBHOOK")
                .append("key", key).append("eventType", "CaseShared").append("caseId", caseIdOf(key))
                .append("body", "{}").append("status", "PARKED").append("attemptCount", 1)
                .append("attempts", List.of(new Document("at", then).append("outcome", "FAILED").append("detail",
                        "Connect to https://10.1.2.3:6379 failed: Connection refused")))
                .append("createdAt", then));

        var page = get("/api/partners/CA/deliveries?status=PARKED&size=100", user("ca-liaison"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(key).doesNotContain("6379").doesNotContain("10.1.2.3")
                .doesNotContain("refused");
        for (JsonNode item : json(page).get("items")) {
            if (item.get("key").asString().equals(key)) {
                assertThat(item.get("attempts").get("lastResult").asString()).isEqualTo("NOT_CLASSIFIED");
                assertThat(item.get("attempts").get("recent").get(0).get("detail").asString())
                        .isEqualTo("Recorded before outcomes were classified.");
            }
        }
    }

    /**
     * Sets the country's webhook, queues one delivery, and answers its first attempt as the delivery log shows it,
     * after checking that nothing in the log's answer names the host, the port or the error, and that the service's
     * log has the attempt under its delivery id and request id. Waits until the delivery is parked, so its retries
     * are over before the next test sets the country's webhook again.
     */
    private JsonNode firstAttempt(String country, String url, int port, CapturedOutput log) {
        webhookOf(country, url);
        String key = UUID.randomUUID().toString();
        queue.enqueue(webhook(country, key));
        awaitDelivery(key, FIRST_ATTEMPT, delivery -> delivery.getInteger("attemptCount") >= 1);

        var page = get("/api/partners/" + country + "/deliveries?size=100", user(country.toLowerCase() + "-liaison"));
        assertThat(page.statusCode()).isEqualTo(200);
        JsonNode item = null;
        for (JsonNode candidate : json(page).get("items")) {
            if (candidate.get("key").asString().equals(key)) {
                item = candidate;
            }
        }
        assertThat(item).as(page.body()).isNotNull();
        String shown = item.toString();
        for (String particular : List.of(":" + port, "partner.test", "127.0.0.1", "localhost", "refused",
                "Exception", "SSL", "PKIX", "handshake", "Connect", "timed out", "Read")) {
            assertThat(shown).as("the delivery log names no %s: %s", particular, shown).doesNotContain(particular);
        }
        JsonNode attempt = item.get("attempts").get("recent").get(0);
        List<String> fields = new ArrayList<>();
        attempt.propertyNames().forEach(fields::add);
        assertThat(fields).containsExactlyElementsOf(ATTEMPT_FIELDS);
        assertThat(item.get("attempts").get("lastResult").asString()).isEqualTo(attempt.get("result").asString());
        assertThat(item.get("attempts").get("lastDetail").asString()).isEqualTo(attempt.get("detail").asString());

        String deliveryId = item.get("id").asString();
        String requestId = attempt.get("requestId").asString();
        assertThat(log.getOut().lines().filter(line -> line.contains(deliveryId) && line.contains(requestId)
                && line.contains(attempt.get("result").asString()) && line.contains(":" + port)))
                .as("the service's log has the particulars of delivery %s under request id %s", deliveryId, requestId)
                .isNotEmpty();

        awaitDelivery(key, Duration.ofSeconds(40), delivery -> "PARKED".equals(delivery.getString("status")));
        return attempt;
    }

    /** A server on this machine that is no web server: it says something that is not TLS, or says nothing at all. */
    private static final class NotAWebServer implements AutoCloseable {

        private final ServerSocket socket;
        private final List<Socket> accepted = new ArrayList<>();

        NotAWebServer(boolean talks) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> serve(talks), "not-a-web-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve(boolean talks) {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    synchronized (accepted) {
                        accepted.add(connection);
                    }
                    if (talks) {
                        OutputStream out = connection.getOutputStream();
                        out.write("SSH-2.0-NotAWebServer\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        InputStream in = connection.getInputStream();
                        in.readNBytes(in.available());
                        connection.close();
                    }
                } catch (IOException closed) {
                    return;
                }
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
                synchronized (accepted) {
                    for (Socket connection : accepted) {
                        connection.close();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
