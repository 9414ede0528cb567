package org.accord.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.accord.identity.testing.FreePorts;

/**
 * A service played by a stub server on a port of its own that stays the same across a stop and a start, so a test
 * can take the service away (its port then refuses connections) and bring it back where the gateway expects it.
 */
final class StubService {

    static final String ANSWER = "{\"answeredBy\":\"service\"}";

    private final int port = FreePorts.next();
    private WireMockServer server;

    StubService() {
        start();
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    synchronized WireMockServer server() {
        if (server == null) {
            throw new IllegalStateException("the stub service is stopped");
        }
        return server;
    }

    /** Starts the service (if it is not running) with no history and answering every request with {@link #ANSWER}. */
    synchronized void start() {
        if (server == null) {
            server = new WireMockServer(options().port(port));
            server.start();
        }
        server.resetAll();
        server.stubFor(any(anyUrl()).willReturn(okJson(ANSWER)));
    }

    synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    List<LoggedRequest> received() {
        return server().findAll(anyRequestedFor(anyUrl()));
    }
}
