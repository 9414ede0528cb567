package org.accord.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.http.HttpResponse;

import org.accord.support.testing.ServiceCalls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A service whose database has gone is taken out of the load balancer (readiness DOWN) but not restarted
 * (liveness UP): restarting cannot bring MongoDB back. Its own database server, since this test stops it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadinessIntegrationTest {

    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final InetSocketAddress ADDRESS = MONGO.bind();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        // a probe must answer within seconds, not after the driver's default 30 s of looking for a server
        registry.add("spring.mongodb.uri", () -> "mongodb://localhost:" + ADDRESS.getPort()
                + "/cases?serverSelectionTimeoutMS=1000&connectTimeoutMS=1000");
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void stopDatabase() {
        MONGO.shutdownNow();
    }

    @Test
    void readinessGoesDownWhenMongoStopsWhileLivenessStaysUp() {
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);

        MONGO.shutdownNow();

        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("\"status\":\"DOWN\"");
        HttpResponse<String> liveness = get("/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"status\":\"UP\"");
    }

    private HttpResponse<String> get(String path) {
        return ServiceCalls.send(port, "GET", path, null, null);
    }
}
