package org.accord.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.accord.notifications.delivery.DeliveryQueue;
import org.accord.notifications.partners.WebhookUrlGuard;
import org.accord.notifications.webhook.WebhookVerifier;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import tools.jackson.databind.JsonNode;

/** Webhooks to partner systems: signed, retried until delivered once, parked, redriven, and kept apart per partner. */
class WebhookDeliveryIntegrationTest extends DeliveryIntegrationTestSupport {

    private static final Duration SOON = Duration.ofSeconds(20);

    @Autowired
    Environment environment;
    @Autowired
    WebhookUrlGuard.Resolver resolver;

    @Test
    void aPartnerReceivesTheMessageSignedSoTheReferenceVerifierAcceptsIt() {
        String secret = webhookOf("US", partnerUrl("a", "/us/accord"));
        PARTNERS.stubFor(post(urlEqualTo("/us/accord")).willReturn(ok()));
        String key = UUID.randomUUID().toString();

        queue.enqueue(webhook("US", key));
        queue.enqueue(webhook("US", key));

        awaitStatus(key, "DELIVERED", SOON);
        List<LoggedRequest> received = received("/us/accord", key);
        assertThat(received).as("queued twice, sent once").hasSize(1);
        LoggedRequest request = received.get(0);
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.getHeader("Host")).isEqualTo("a.partner.test:" + PARTNERS.httpsPort());
        assertWebhookBody(request.getBody(), "US", key);
        assertThat(new WebhookVerifier(secret).verify(request.getHeader("X-Accord-Timestamp"),
                request.getHeader("X-Accord-Signature"), request.getBody(), Instant.now())).isTrue();
        assertThat(new WebhookVerifier(secret + "x").verify(request.getHeader("X-Accord-Timestamp"),
                request.getHeader("X-Accord-Signature"), request.getBody(), Instant.now())).isFalse();

        JsonNode logged = only(key, get("/api/partners/US/deliveries?status=DELIVERED", user("us-liaison")));
        assertThat(logged.get("channel").asString()).isEqualTo("WEBHOOK");
        assertThat(logged.get("eventType").asString()).isEqualTo("CaseShared");
        assertThat(logged.get("caseId").asString()).isEqualTo(caseIdOf(key));
        assertThat(logged.get("attempts").get("count").asInt()).isEqualTo(1);
        assertThat(logged.get("attempts").get("lastResult").asString()).isEqualTo("HTTP_200");
        assertThat(logged.get("attempts").get("lastDetail").asString()).isEqualTo("The webhook answered HTTP 200.");
        assertThat(request.getHeader("X-Request-Id")).as("the attempt's request id, shown in the delivery log")
                .isEqualTo(logged.get("attempts").get("recent").get(0).get("requestId").asString());
        assertThat(logged.get("deliveredAt").isNull()).isFalse();
        assertThat(operations("/actuator/prometheus").body().lines()).as("operators count the attempts")
                .anyMatch(line -> line.startsWith("accord_deliveries_attempts_total{")
                        && line.contains("channel=\"WEBHOOK\"") && line.contains("outcome=\"DELIVERED\""));
    }

    @Test
    void aResetAServerErrorAndAnAnswerTooLateEachEndInExactlyOneDeliveryUnderOneEventId() {
        List<ResponseDefinitionBuilder> firstAnswers = List.of(
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                aResponse().withStatus(500),
                ok().withFixedDelay((int) READ_TIMEOUT.plusSeconds(1).toMillis()),
                // Each piece comes within the read time-out, the whole answer not within the total one.
                ok().withBody("x".repeat(64)).withChunkedDribbleDelay(8,
                        (int) TOTAL_TIMEOUT.multipliedBy(3).toMillis()));
        List<String> hosts = List.of("b", "c", "d", "j");
        for (int i = 0; i < firstAnswers.size(); i++) {
            String path = "/ca/flaky-" + i;
            webhookOf("CA", partnerUrl(hosts.get(i), path));
            PARTNERS.stubFor(post(urlEqualTo(path)).inScenario(path).whenScenarioStateIs(STARTED)
                    .willReturn(firstAnswers.get(i)).willSetStateTo("recovered"));
            PARTNERS.stubFor(post(urlEqualTo(path)).inScenario(path).whenScenarioStateIs("recovered")
                    .willReturn(ok()));
            String key = UUID.randomUUID().toString();

            queue.enqueue(webhook("CA", key));

            Document delivered = awaitStatus(key, "DELIVERED", SOON);
            assertThat(deliveries(key)).hasSize(1);
            assertThat(delivered.getInteger("attemptCount")).as(path).isEqualTo(2);
            List<LoggedRequest> received = PARTNERS.findAll(postRequestedFor(urlEqualTo(path)));
            assertThat(received).as(path).hasSizeGreaterThanOrEqualTo(2);
            assertThat(received).as(path).allSatisfy(
                    request -> assertThat(request.getHeader("X-Accord-Event-Id")).isEqualTo(key));
            JsonNode logged = only(key, get("/api/partners/CA/deliveries", user("ca-liaison")));
            assertThat(logged.get("status").asString()).isEqualTo("DELIVERED");
            assertThat(logged.get("attempts").get("recent").get(0).get("outcome").asString()).isEqualTo("FAILED");
        }
    }

    @Test
    void aPartnerFailingPastTheLimitIsParkedAndRedrivenByItsLiaison() {
        webhookOf("GB", partnerUrl("e", "/gb/accord"));
        PARTNERS.stubFor(post(urlEqualTo("/gb/accord")).willReturn(aResponse().withStatus(500)));
        String key = UUID.randomUUID().toString();
        String liaison = user("gb-liaison");

        queue.enqueue(webhook("GB", key));

        awaitStatus(key, "PARKED", SOON);
        assertThat(received("/gb/accord", key)).as("max-attempts").hasSize(3);
        JsonNode parked = only(key, get("/api/partners/GB/deliveries?status=PARKED", liaison));
        assertThat(parked.get("attempts").get("count").asInt()).isEqualTo(3);
        assertThat(parked.get("attempts").get("lastResult").asString()).isEqualTo("HTTP_500");
        assertThat(parked.get("nextAttemptAt").isNull()).isTrue();
        assertThat(parked.get("allowedOperations").toString()).as("a parked delivery offers its redrive")
                .isEqualTo("[\"REDRIVE\"]");
        String id = parked.get("id").asString();

        HttpResponse<String> foreign = send("POST", "/api/partners/GB/deliveries/" + id + "/redrive",
                user("de-liaison"), null);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertProblem(foreign, "not-found");
        HttpResponse<String> officer = send("POST", "/api/partners/GB/deliveries/" + id + "/redrive",
                user("gb-officer"), null);
        assertThat(officer.statusCode()).isEqualTo(404);

        PARTNERS.stubFor(post(urlEqualTo("/gb/accord")).willReturn(ok()));
        HttpResponse<String> redriven = send("POST", "/api/partners/GB/deliveries/" + id + "/redrive", liaison, null);
        assertThat(redriven.statusCode()).isEqualTo(202);

        awaitStatus(key, "DELIVERED", SOON);
        JsonNode delivered = only(key, get("/api/partners/GB/deliveries?status=DELIVERED", liaison));
        assertThat(delivered.get("attempts").get("count").asInt()).as("counted afresh").isEqualTo(1);
        assertThat(delivered.get("attempts").get("recent").size()).as("history kept").isEqualTo(4);
        assertThat(delivered.get("redrivenBy").asString()).isEqualTo(usernameIn(liaison));
        assertThat(delivered.get("allowedOperations").size()).as("a delivered one offers nothing, and is refused")
                .isZero();
        assertThat(received("/gb/accord", key)).hasSize(4);

        HttpResponse<String> again = send("POST", "/api/partners/GB/deliveries/" + id + "/redrive", liaison, null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertProblem(again, "delivery-not-redrivable");
        HttpResponse<String> unknown = send("POST", "/api/partners/GB/deliveries/0123456789abcdef01234567/redrive",
                liaison, null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertProblem(unknown, "not-found");
        assertThat(get("/api/partners/GB/deliveries?status=PARKED", liaison).body()).doesNotContain(key);
        HttpResponse<String> badStatus = get("/api/partners/GB/deliveries?status=LOST", liaison);
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertProblem(badStatus, "invalid-input");
    }

    @Test
    void aWebhookAnswering410IsDisabledAndTheCountrysLiaisonsAreToldInApp() {
        String url = partnerUrl("f", "/fr/gone");
        webhookOf("FR", url);
        PARTNERS.stubFor(post(urlEqualTo("/fr/gone")).willReturn(aResponse().withStatus(410)));
        String key = UUID.randomUUID().toString();
        String liaison = user("fr-liaison");

        queue.enqueue(webhook("FR", key));

        awaitStatus(key, "PARKED", SOON);
        JsonNode settings = json(get("/api/partners/FR", liaison));
        assertThat(settings.get("webhookDisabled").asBoolean()).isTrue();
        assertThat(settings.get("webhookUrl").asString()).as("shown, to be set again").isEqualTo(url);
        assertThat(settings.get("webhookDisabledBecause").asString()).isEqualTo("The webhook answered HTTP 410.");
        List<String> told = new ArrayList<>();
        for (JsonNode item : json(get("/api/notifications?size=100", liaison)).get("items")) {
            if (item.get("type").asString().equals("WebhookDisabled")) {
                told.add(item.get("title").asString());
            }
        }
        assertThat(told).hasSize(1);
        assertThat(told.get(0)).contains("410");

        String later = UUID.randomUUID().toString();
        queue.enqueue(webhook("FR", later));
        Document notSent = awaitStatus(later, "PARKED", SOON);
        assertThat(notSent.toJson()).contains("NO_WEBHOOK");
        assertThat(PARTNERS.findAll(postRequestedFor(urlEqualTo("/fr/gone")))).hasSize(1);

        webhookOf("FR", url);
        assertThat(json(get("/api/partners/FR", liaison)).get("webhookDisabled").asBoolean()).isFalse();
    }

    @Test
    void aPartnerAskingToRetryAfterTwoSecondsIsRetriedNoSooner() {
        webhookOf("DE", partnerUrl("g", "/de/busy"));
        PARTNERS.stubFor(post(urlEqualTo("/de/busy")).inScenario("busy").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("free"));
        PARTNERS.stubFor(post(urlEqualTo("/de/busy")).inScenario("busy").whenScenarioStateIs("free")
                .willReturn(ok()));
        String key = UUID.randomUUID().toString();

        queue.enqueue(webhook("DE", key));

        awaitStatus(key, "DELIVERED", SOON);
        List<LoggedRequest> received = received("/de/busy", key);
        assertThat(received).hasSize(2);
        assertThat(Duration.between(received.get(0).getLoggedDate().toInstant(),
                received.get(1).getLoggedDate().toInstant())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aPartnerRefusingTheRequestItselfIsParkedAtOnceWhileAnUnauthorisedAnswerIsTriedAgain() {
        webhookOf("DE", partnerUrl("a", "/de/strict"));
        PARTNERS.stubFor(post(urlEqualTo("/de/strict")).willReturn(aResponse().withStatus(422)));
        String refused = UUID.randomUUID().toString();

        queue.enqueue(webhook("DE", refused));

        Document parked = awaitStatus(refused, "PARKED", SOON);
        assertThat(parked.getInteger("attemptCount")).isEqualTo(1);
        assertThat(received("/de/strict", refused)).hasSize(1);

        PARTNERS.stubFor(post(urlEqualTo("/de/strict")).inScenario("secret").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(401)).willSetStateTo("secret updated"));
        PARTNERS.stubFor(post(urlEqualTo("/de/strict")).inScenario("secret").whenScenarioStateIs("secret updated")
                .willReturn(ok()));
        String unauthorised = UUID.randomUUID().toString();

        queue.enqueue(webhook("DE", unauthorised));

        assertThat(awaitStatus(unauthorised, "DELIVERED", SOON).getInteger("attemptCount")).isEqualTo(2);
    }

    @Test
    void aRedirectIsNotFollowed() {
        webhookOf("US", partnerUrl("h", "/us/moved"));
        PARTNERS.stubFor(post(urlEqualTo("/us/moved")).willReturn(aResponse().withStatus(307)
                .withHeader("Location", partnerUrl("h", "/us/elsewhere"))));
        PARTNERS.stubFor(post(urlEqualTo("/us/elsewhere")).willReturn(ok()));
        String key = UUID.randomUUID().toString();

        queue.enqueue(webhook("US", key));

        Document parked = awaitStatus(key, "PARKED", SOON);
        assertThat(parked.toJson()).contains("HTTP_307");
        JsonNode logged = only(key, get("/api/partners/US/deliveries?status=PARKED", user("us-liaison")));
        assertThat(logged.get("attempts").get("lastDetail").asString())
                .isEqualTo("The webhook answered HTTP 307; redirects are not followed.");
        assertThat(logged.toString()).as("where it was sent is the partner's to know, not the log's")
                .doesNotContain("/us/elsewhere");
        assertThat(received("/us/moved", key)).hasSize(3);
        assertThat(PARTNERS.findAll(postRequestedFor(urlEqualTo("/us/elsewhere")))).isEmpty();
    }

    @Test
    void aSlowPartnerDoesNotDelayAnotherPartnersDelivery() {
        webhookOf("DE", partnerUrl("slow", "/de/slow"));
        webhookOf("CA", partnerUrl("healthy", "/ca/healthy"));
        PARTNERS.stubFor(post(urlEqualTo("/de/slow"))
                .willReturn(ok().withFixedDelay((int) READ_TIMEOUT.multipliedBy(3).toMillis())));
        PARTNERS.stubFor(post(urlEqualTo("/ca/healthy")).willReturn(ok()));
        List<String> slow = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            slow.add(UUID.randomUUID().toString());
            queue.enqueue(webhook("DE", slow.get(i)));
        }
        pause(Duration.ofMillis(300));
        String healthy = UUID.randomUUID().toString();

        Instant queued = Instant.now();
        queue.enqueue(webhook("CA", healthy));
        awaitStatus(healthy, "DELIVERED", SOON);
        Duration took = Duration.between(queued, Instant.now());

        // Had it waited behind the slow partner's sends, it would have taken several of its time-outs.
        assertThat(took).isLessThan(READ_TIMEOUT);
        assertThat(slow).noneMatch(key -> "DELIVERED".equals(deliveries(key).get(0).getString("status")));

        // Let the slow partner recover so its deliveries end before the next test.
        PARTNERS.stubFor(post(urlEqualTo("/de/slow")).willReturn(ok()));
        for (String key : slow) {
            awaitDelivery(key, Duration.ofSeconds(40),
                    delivery -> List.of("DELIVERED", "PARKED").contains(delivery.getString("status")));
        }
    }

    @Test
    void aHostThatResolvesToAPrivateAddressAtSendTimeIsParkedAndNeverConnectedTo() {
        webhookOf("CA", partnerUrl("rebound", "/ca/rebound"));
        PARTNERS.stubFor(post(urlEqualTo("/ca/rebound")).willReturn(ok()));
        network.answer("rebound" + PartnerNetwork.DOMAIN, "10.0.0.1");
        String key = UUID.randomUUID().toString();

        queue.enqueue(webhook("CA", key));

        Document parked = awaitStatus(key, "PARKED", SOON);
        assertThat(parked.getInteger("attemptCount")).isEqualTo(1);
        assertThat(parked.toJson()).contains("ADDRESS_NOT_ALLOWED");
        assertThat(PARTNERS.findAll(postRequestedFor(urlEqualTo("/ca/rebound")))).isEmpty();

        HttpResponse<String> now = send("PUT", "/api/partners/CA", user("ca-liaison"), """
                {"emails":[],"webhookUrl":"%s","events":["CaseShared"],"deliveryMode":"IMMEDIATE"}"""
                .formatted(partnerUrl("rebound", "/ca/rebound")));
        assertThat(now.statusCode()).as("and refused at registration too").isEqualTo(400);
    }

    @Test
    void aDeliveryLeasedByAnInstanceThatDiedIsSentOnceItsLeaseLapses() {
        webhookOf("GB", partnerUrl("i", "/gb/lease"));
        PARTNERS.stubFor(post(urlEqualTo("/gb/lease")).willReturn(ok()));
        String key = UUID.randomUUID().toString();
        Instant now = Instant.now();
        // As a dead instance left it: claimed, its lease running for another three seconds.
        mongo.getCollection("deliveries").insertOne(new Document("country", "GB").append("channel", "WEBHOOK")
                .append("key", key).append("eventType", "CaseShared").append("source",
                        mongo.getConverter().convertToMongoType(webhook("GB", key).source()))
                .append("status", "PENDING").append("attemptCount", 0).append("attempts", List.of())
                .append("createdAt", java.util.Date.from(now)).append("nextAttemptAt", java.util.Date.from(now))
                .append("leaseToken", "dead-instance")
                .append("leaseUntil", java.util.Date.from(now.plusSeconds(3))));

        pause(Duration.ofMillis(1500));
        assertThat(received("/gb/lease", key)).as("not while the lease holds").isEmpty();

        awaitStatus(key, "DELIVERED", SOON);
        assertThat(received("/gb/lease", key)).hasSize(1);
        assertThat(received("/gb/lease", key).get(0).getLoggedDate().toInstant()).isAfter(now.plusSeconds(3));
    }

    @Test
    void twoInstancesOfTheServiceSendEachDeliveryOnce() {
        webhookOf("FR", partnerUrl("k", "/fr/both"));
        PARTNERS.stubFor(post(urlEqualTo("/fr/both")).willReturn(ok()));
        List<String> keys = new ArrayList<>();
        try (ConfigurableApplicationContext second = secondInstance()) {
            DeliveryQueue secondQueue = second.getBean(DeliveryQueue.class);
            for (int i = 0; i < 40; i++) {
                keys.add(UUID.randomUUID().toString());
                (i % 2 == 0 ? queue : secondQueue).enqueue(webhook("FR", keys.get(i)));
            }
            for (String key : keys) {
                awaitStatus(key, "DELIVERED", SOON);
            }
        }
        for (String key : keys) {
            assertThat(received("/fr/both", key)).as(key).hasSize(1);
        }
    }

    /** Another instance of the service on the same database, as a second replica in a deployment would be. */
    private ConfigurableApplicationContext secondInstance() {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
        for (String name : List.of("spring.mongodb.uri", "spring.mongodb.database", "accord.identity.issuer-uri",
                "spring.mail.port", "accord.notifications.allow-loopback-webhooks",
                "accord.notifications.webhook.trust-store", "accord.notifications.webhook.trust-store-password",
                "accord.notifications.delivery.poll-interval", "accord.notifications.delivery.max-attempts",
                "accord.notifications.cases-url")) {
            arguments.add("--" + name + "=" + environment.getRequiredProperty(name));
        }
        WebhookUrlGuard.Resolver names = resolver;
        return new SpringApplicationBuilder(NotificationsApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("partnerNames", names))
                .run(arguments.toArray(String[]::new));
    }

    private static List<LoggedRequest> received(String path, String key) {
        return PARTNERS.findAll(postRequestedFor(urlEqualTo(path))).stream()
                .filter(request -> key.equals(request.getHeader("X-Accord-Event-Id"))).toList();
    }

    private static JsonNode only(String key, HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        List<JsonNode> matching = new ArrayList<>();
        for (JsonNode item : json(page).get("items")) {
            if (item.get("key").asString().equals(key)) {
                matching.add(item);
            }
        }
        assertThat(matching).as(page.body()).hasSize(1);
        return matching.get(0);
    }
}
