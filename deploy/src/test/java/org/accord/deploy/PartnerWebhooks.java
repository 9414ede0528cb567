package org.accord.deploy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Partner systems' webhook receivers outside the platform, so they outlive its crashes and remember everything they
 * were told: HTTPS on this machine with a certificate made for the run, one path per country, every request answered
 * {@code 200}.
 */
final class PartnerWebhooks implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "partner-webhooks";

    /** One webhook as the partner received it. */
    record Received(String country, String eventId, String bodyId, String type, String caseId, String taskId) {
    }

    private final WireMockServer server;
    private final Path trustStore;

    private PartnerWebhooks(WireMockServer server, Path trustStore) {
        this.server = server;
        this.trustStore = trustStore;
    }

    static PartnerWebhooks start(Path work) throws IOException, InterruptedException {
        Path keyStore = work.resolve("partner-webhooks.p12");
        Path trustStore = work.resolve("partner-webhooks-trust.p12");
        Path certificate = work.resolve("partner-webhooks.crt");
        keytool("-genkeypair", "-alias", "partner", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", PASSWORD);
        keytool("-exportcert", "-alias", "partner", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "partner", "-file", certificate.toString(), "-storetype",
                "PKCS12", "-keystore", trustStore.toString(), "-storepass", PASSWORD);
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().httpDisabled(true).httpsPort(0)
                .bindAddress("127.0.0.1").keystorePath(keyStore.toString()).keystoreType("PKCS12")
                .keystorePassword(PASSWORD).keyManagerPassword(PASSWORD));
        server.start();
        server.stubFor(post(urlPathMatching("/partners/[a-z]{2}")).willReturn(aResponse().withStatus(200)));
        return new PartnerWebhooks(server, trustStore);
    }

    /** The URL a country's liaison sets as its webhook. */
    String url(String country) {
        return "https://localhost:" + server.httpsPort() + "/partners/" + country.toLowerCase(Locale.ROOT);
    }

    /** Where notifications finds the certificate to trust, as a resource location, and the store's password. */
    String trustStoreLocation() {
        return trustStore.toUri().toString();
    }

    String trustStorePassword() {
        return PASSWORD;
    }

    /** Every webhook received so far, repeats included. */
    List<Received> received() {
        List<Received> received = new ArrayList<>();
        for (ServeEvent event : server.getAllServeEvents()) {
            String path = event.getRequest().getUrl();
            JsonNode body = JSON.readTree(event.getRequest().getBodyAsString());
            received.add(new Received(path.substring(path.lastIndexOf('/') + 1).toUpperCase(Locale.ROOT),
                    event.getRequest().getHeader("X-Accord-Event-Id"), body.path("id").asString(),
                    body.path("type").asString(), body.path("caseId").asString(),
                    body.path("taskId").asString(null)));
        }
        return received;
    }

    @Override
    public void close() {
        server.stop();
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + arguments[0] + " failed: " + said);
        }
    }
}
