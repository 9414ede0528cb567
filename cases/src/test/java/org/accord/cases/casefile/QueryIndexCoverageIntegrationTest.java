package org.accord.cases.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.accord.cases.CasesApi;
import org.accord.cases.MongoCommands;
import org.accord.cases.QueryShape;
import org.accord.support.relay.OutboxRelay;
import org.accord.support.relay.OutboxSource;
import org.accord.support.relay.RelayProperties;
import org.accord.support.relay.RelayWakeUp;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;

import com.sun.net.httpserver.HttpServer;

/**
 * Every query the service sends is served by an index it declared, as real MongoDB needs (the embedded server
 * accepts the indexes and scans anyway). The test drives every list query the API allows — each combination of
 * filters, every sort in both directions, with and without text — the single-case endpoints and one pass of the
 * event relay, then checks the shape of every query the service has sent since it started, against the indexes the
 * database reports.
 */
class QueryIndexCoverageIntegrationTest extends CasesApi {

    private static final Map<String, String> FILTER_VALUES = Map.of(
            "status", "MONITORING", "situationCountry", "SD", "tlp", "GREEN", "riskLevel", "LOW");

    @Autowired
    MongoCommands commands;

    @Autowired
    MongoOperations mongo;

    @Autowired
    List<OutboxSource<?>> sources;

    @Autowired
    RelayProperties relaySettings;

    @Autowired
    OAuth2ClientHttpRequestInterceptor serviceToken;

    @Test
    void everyQueryTheServiceSendsIsServedByADeclaredIndex() throws Exception {
        exerciseEveryListQuery();
        exerciseTheSingleCaseEndpoints();
        exerciseTheRelay();

        Map<String, List<List<QueryShape.Key>>> indexes = new LinkedHashMap<>();
        Map<QueryShape, String> uncovered = new LinkedHashMap<>();
        commands.shapes().forEach((shape, example) -> {
            List<List<QueryShape.Key>> declared = indexes.computeIfAbsent(shape.collection(), this::indexesOf);
            if (declared.stream().noneMatch(shape::coveredBy)) {
                uncovered.put(shape, example);
            }
        });

        assertThat(uncovered.keySet()).as("queries without an index, such as %s",
                uncovered.values().stream().findFirst().orElse("")).isEmpty();
        long listShapes = commands.shapes().keySet().stream()
                .filter(shape -> shape.collection().equals("cases") && shape.equality().contains("audience"))
                .count();
        assertThat(listShapes).as("distinct list query shapes seen").isGreaterThanOrEqualTo(16 * 5);
    }

    @Test
    void aFilterOrSortWithoutAnIndexWouldFailTheCheck() {
        List<List<QueryShape.Key>> declared = indexesOf("cases");
        BsonDocument visible = BsonDocument.parse("{audience: {$in: ['members', 'country:US']}}");
        BsonDocument byUpdate = BsonDocument.parse("{updatedAt: -1, _id: -1}");

        QueryShape listed = QueryShape.of("cases", visible, byUpdate);
        QueryShape byStatusAndCountry = QueryShape.of("cases", BsonDocument.parse(
                "{audience: {$in: ['members']}, status: 'MONITORING', situationCountry: 'SD'}"),
                BsonDocument.parse("{title: 1, _id: 1}"));
        QueryShape newFilter = QueryShape.of("cases", visible.clone().append("createdBy",
                new BsonString("fr-officer@fr")), byUpdate);
        QueryShape newSort = QueryShape.of("cases", visible, BsonDocument.parse("{summary: 1, _id: 1}"));
        QueryShape negation = QueryShape.of("cases", BsonDocument.parse(
                "{audience: {$in: ['members']}, status: {$ne: 'CLOSED'}}"), byUpdate);
        QueryShape unbounded = QueryShape.of("cases", new BsonDocument(), byUpdate);
        QueryShape mixedDirections = QueryShape.of("cases", visible, BsonDocument.parse("{updatedAt: -1, _id: 1}"));

        assertThat(declared.stream().anyMatch(listed::coveredBy)).isTrue();
        assertThat(declared.stream().anyMatch(byStatusAndCountry::coveredBy)).isTrue();
        assertThat(declared.stream().anyMatch(newFilter::coveredBy)).as("an unindexed filter").isFalse();
        assertThat(declared.stream().anyMatch(newSort::coveredBy)).as("an unindexed sort").isFalse();
        assertThat(declared.stream().anyMatch(negation::coveredBy)).as("a negation").isFalse();
        assertThat(declared.stream().anyMatch(unbounded::coveredBy)).as("a collection scan").isFalse();
        assertThat(declared.stream().anyMatch(mixedDirections::coveredBy)).as("a sort against the index").isFalse();
    }

    private void exerciseEveryListQuery() {
        List<String> filters = List.copyOf(FILTER_VALUES.keySet());
        List<String> failures = new ArrayList<>();
        for (int subset = 0; subset < 1 << filters.size(); subset++) {
            StringBuilder query = new StringBuilder("size=5");
            for (int i = 0; i < filters.size(); i++) {
                if ((subset & 1 << i) != 0) {
                    query.append('&').append(filters.get(i)).append('=').append(FILTER_VALUES.get(filters.get(i)));
                }
            }
            for (String sort : CaseQuery.SORTABLE.keySet()) {
                for (String direction : List.of(",asc", ",desc")) {
                    for (String text : List.of("", "&q=darfur")) {
                        String path = "/api/cases?" + query + "&sort=" + sort + direction + text;
                        int status = as("us-officer", "GET", path, null).statusCode();
                        if (status != 200) {
                            failures.add(status + " " + path);
                        }
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private void exerciseTheSingleCaseEndpoints() {
        String id = open("fr-officer", NewCaseBody.labelled("GREEN").sharedWithCountry("DE", "CONTRIBUTE")
                .tagged("coverage-" + UUID.randomUUID()).json()).get("id").asString();
        String path = "/api/cases/" + id;
        assertThat(as("de-officer", "GET", path, null).statusCode()).isEqualTo(200);
        assertThat(as("de-officer", "PATCH", path, "{\"title\":\"Covered\"}", "If-Match", "\"0\"").statusCode())
                .isEqualTo(200);
        assertThat(as("fr-officer", "PUT", path + "/sharing", NewCaseBody.labelled("AMBER")
                .sharedWithCountry("DE", "CONTRIBUTE").sharingJson()).statusCode()).isEqualTo(200);
        assertThat(as("de-officer", "POST", path + "/entries",
                "{\"kind\":\"INCIDENT\",\"text\":\"t\",\"occurredAt\":\"2025-01-01T00:00:00Z\"}").statusCode())
                .isEqualTo(201);
        assertThat(as("de-officer", "GET", path + "/entries", null).statusCode()).isEqualTo(200);
        assertThat(as("de-officer", "GET", path + "/assessments", null).statusCode()).isEqualTo(200);
        assertThat(as("fr-officer", "GET", path + "/audit", null).statusCode()).isEqualTo(200);
        assertThat(as("fr-officer", "GET", path + "/audit/verification", null).statusCode()).isEqualTo(200);
        assertThat(as("us-officer", "GET", path, null).statusCode()).isEqualTo(404);
    }

    /** One relay pass against a stand-in for notifications that takes every event. */
    private void exerciseTheRelay() throws Exception {
        String id = open("fr-officer", NewCaseBody.labelled("GREEN").json()).get("id").asString();
        HttpServer intake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        intake.createContext("/internal/events", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        intake.start();
        try {
            OutboxRelay relay = new OutboxRelay(mongo, sources, relaySettings.withNotificationsUrl(
                    URI.create("http://localhost:" + intake.getAddress().getPort())), Clock.systemUTC(),
                    new RelayWakeUp(), serviceToken);
            relay.prepare();
            for (int pass = 0; pass < 100 && mongo.findById(id, Case.class).outboxPending(); pass++) {
                relay.relayOnce();
            }
            assertThat(mongo.findById(id, Case.class).outboxPending()).isFalse();
        } finally {
            intake.stop(0);
        }
    }

    private List<List<QueryShape.Key>> indexesOf(String collection) {
        List<List<QueryShape.Key>> indexes = new ArrayList<>();
        for (Document index : database().getCollection(collection).listIndexes()) {
            indexes.add(QueryShape.keysOf(index.get("key", Document.class).toBsonDocument()));
        }
        return indexes;
    }
}
