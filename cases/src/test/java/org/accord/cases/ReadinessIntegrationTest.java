package org.accord.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.accord.identity.testing.FreePorts;
import org.accord.support.testing.ServiceCalls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service as operators run it: a process of its own with the {@code json-logs} profile and a database of its own,
 * which this test stops. A service whose database has gone is taken out of the load balancer (readiness DOWN) but not
 * restarted (liveness UP): restarting cannot bring MongoDB back.
 */
class ReadinessIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path LOG = Path.of("target", "standalone-cases.log").toAbsolutePath();

    private static MongoServer mongo;
    private static Process service;
    private static int port;

    @BeforeAll
    static void startService() throws IOException, InterruptedException {
        mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress database = mongo.bind();
        port = FreePorts.next();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = Optional.ofNullable(System.getProperty("surefire.test.class.path"))
                .orElse(System.getProperty("java.class.path"));
        service = new ProcessBuilder(java, "-Xmx256m", "-cp", classpath, CasesApplication.class.getName(),
                "--spring.profiles.active=json-logs", "--server.port=" + port,
                "--management.server.port=" + FreePorts.next(),
                // a probe must answer within seconds, not after the driver's default 30 s of looking for a server
                "--spring.mongodb.uri=mongodb://localhost:" + database.getPort()
                        + "/cases?serverSelectionTimeoutMS=1000&connectTimeoutMS=1000",
                "--accord.relay.enabled=false")
                .redirectErrorStream(true).redirectOutput(LOG.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!live()) {
            if (!service.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the cases service did not start; see " + LOG);
            }
            Thread.sleep(500);
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (service != null) {
            service.destroy();
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
    }

    @Test
    void logLinesAreJsonAndCarryTheIdOfTheirRequest() throws IOException, InterruptedException {
        HttpResponse<String> refused = get("/api/cases", "X-Request-Id", "json-logs.1");

        assertThat(refused.statusCode()).isEqualTo(401);
        JsonNode line = awaitLogLine("json-logs.1");
        assertThat(line.get("requestId").asString()).isEqualTo("json-logs.1");
        assertThat(line.get("message").asString()).startsWith("GET /api/cases answered 401");
        assertThat(line.get("service").get("name").asString()).isEqualTo("cases");
    }

    @Test
    void readinessGoesDownWhenMongoStopsWhileLivenessStaysUp() {
        assertThat(get("/readyz").statusCode()).isEqualTo(200);

        mongo.shutdownNow();

        HttpResponse<String> readiness = get("/readyz");
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("\"status\":\"DOWN\"");
        HttpResponse<String> liveness = get("/livez");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"status\":\"UP\"");
    }

    private static JsonNode awaitLogLine(String requestId) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> match = Files.readAllLines(LOG).stream()
                    .filter(text -> text.contains(requestId) && text.contains("answered"))
                    .findFirst();
            if (match.isPresent()) {
                return JSON.readTree(match.get());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no log line with request id " + requestId + " in " + LOG);
    }

    private static boolean live() {
        try {
            return get("/livez").statusCode() == 200;
        } catch (IllegalStateException notYet) {
            return false;
        }
    }

    private static HttpResponse<String> get(String path, String... headers) {
        return ServiceCalls.send(port, "GET", path, null, null, headers);
    }
}
