package org.accord.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.accord.identity.testing.SharedServers;
import org.accord.notifications.delivery.Channel;
import org.accord.notifications.delivery.DeliveryQueue;
import org.accord.notifications.delivery.MessageSource;
import org.accord.notifications.delivery.NewDelivery;
import org.accord.notifications.events.IncomingEvent;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.test.context.TestPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import tools.jackson.databind.JsonNode;

/**
 * The service as it delivers to partner systems: partners are a real HTTPS server on this machine under the names of
 * {@link PartnerNetwork}, with a certificate for those names; loopback webhooks are allowed, as in the local
 * demonstration (the production setting is the other tests' context), and all delivery timings are short. Its own
 * database keeps its deliveries away from the other context's worker. Its fan-out looks for received events only
 * hourly on its own, so an event here reaches its audience only because its arrival woke the fan-out.
 */
@Import(PartnerNetwork.class)
@TestPropertySource(properties = {
        "spring.mongodb.database=notifications-deliveries",
        "accord.notifications.allow-loopback-webhooks=true",
        "accord.notifications.fanout.poll=1h",
        "accord.notifications.webhook.trust-store=classpath:webhook-partner-trust.p12",
        "accord.notifications.webhook.trust-store-password=partner-test",
        "accord.notifications.webhook.connect-timeout=1s",
        "accord.notifications.webhook.read-timeout=2s",
        "accord.notifications.webhook.total-timeout=4s",
        "accord.notifications.delivery.max-attempts=3",
        "accord.notifications.delivery.poll-interval=100ms",
        "accord.notifications.delivery.initial-backoff=200ms",
        "accord.notifications.delivery.max-backoff=1s",
        "accord.notifications.delivery.threads=4",
        "accord.notifications.delivery.sends-per-endpoint=2",
        "resilience4j.circuitbreaker.configs.partner-endpoint.minimum-number-of-calls=4",
        "resilience4j.circuitbreaker.configs.partner-endpoint.wait-duration-in-open-state=2s" })
abstract class DeliveryIntegrationTestSupport extends IntegrationTestSupport {

    static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    static final Duration TOTAL_TIMEOUT = Duration.ofSeconds(4);
    static final WireMockServer PARTNERS = startedPartners();

    @Autowired
    DeliveryQueue queue;
    @Autowired
    MongoOperations mongo;
    @Autowired
    PartnerNetwork network;

    private static WireMockServer startedPartners() {
        try {
            WireMockServer partners = new WireMockServer(WireMockConfiguration.options().httpDisabled(true)
                    .httpsPort(0).bindAddress("127.0.0.1")
                    .keystorePath(new ClassPathResource("webhook-partner-server.p12").getFile().getPath())
                    .keystoreType("PKCS12").keystorePassword("partner-test").keyManagerPassword("partner-test"));
            partners.start();
            SharedServers.stopAfterContexts(partners::stop);
            return partners;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The partner's webhook URL on the stand-in server, under a host name of the test network. */
    static String partnerUrl(String host, String path) {
        return "https://" + host + PartnerNetwork.DOMAIN + ":" + PARTNERS.httpsPort() + path;
    }

    /** Sets the country's webhook as its liaison would, and rotates its secret, which is answered. */
    String webhookOf(String country, String url) {
        String liaison = user(country.toLowerCase() + "-liaison");
        HttpResponse<String> put = send("PUT", "/api/partners/" + country, liaison, """
                {"emails":[],"webhookUrl":"%s","events":["CaseShared"],"deliveryMode":"IMMEDIATE"}"""
                .formatted(url));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        HttpResponse<String> rotated = send("POST", "/api/partners/" + country + "/webhook-secret", liaison, null);
        assertThat(rotated.statusCode()).isEqualTo(200);
        return json(rotated).get("secret").asString();
    }

    static final String SUMMARY = "Émeutes à l'est — 5 €";

    /**
     * A webhook telling the country of a case shared with it (event id {@code key}, case {@link #caseIdOf}), with
     * cases' stand-in answering that the country sees the case under AMBER.
     */
    static NewDelivery webhook(String country, String key) {
        String caseId = caseIdOf(key);
        stubReaders(caseId, "Rapport " + key, SUMMARY, "AMBER", List.of(country), List.of());
        Map<String, Object> event = event("CaseShared", caseId, 1, "gb-officer", "GB");
        event.put("id", key);
        return new NewDelivery(country, Channel.WEBHOOK, key, "CaseShared", caseId, null,
                MessageSource.of(JSON.convertValue(event, IncomingEvent.class)));
    }

    /** The case of {@link #webhook}'s event {@code key}: an id as cases writes them, made from the key. */
    static String caseIdOf(String key) {
        return key.replace("-", "").substring(0, 24);
    }

    /** Asserts the body is the webhook of {@link #webhook} for this country, in full as AMBER lets out, in UTF-8. */
    static void assertWebhookBody(byte[] body, String country, String key) {
        String text = new String(body, StandardCharsets.UTF_8);
        JsonNode json = JSON.readTree(text);
        assertThat(json.get("id").asString()).isEqualTo(key);
        assertThat(json.get("type").asString()).isEqualTo("CaseShared");
        assertThat(json.get("caseId").asString()).isEqualTo(caseIdOf(key));
        assertThat(json.get("country").asString()).isEqualTo(country);
        assertThat(json.get("tlp").asString()).isEqualTo("TLP:AMBER");
        assertThat(json.get("title").asString()).isEqualTo("Rapport " + key);
        assertThat(json.get("summary").asString()).isEqualTo(SUMMARY);
    }

    /** The stored deliveries with this key: there should only ever be one. */
    List<Document> deliveries(String key) {
        return mongo.getCollection("deliveries").find(new Document("key", key)).into(new java.util.ArrayList<>());
    }

    /** Waits until the delivery with this key is in the expected state, and answers it. */
    Document awaitDelivery(String key, Duration within, Predicate<Document> state) {
        Instant deadline = Instant.now().plus(within);
        while (true) {
            List<Document> found = deliveries(key);
            if (found.size() == 1 && state.test(found.get(0))) {
                return found.get(0);
            }
            assertThat(Instant.now()).as("delivery %s in time; it is %s", key, found).isBefore(deadline);
            pause(Duration.ofMillis(50));
        }
    }

    Document awaitStatus(String key, String status, Duration within) {
        return awaitDelivery(key, within, delivery -> status.equals(delivery.getString("status")));
    }
}
