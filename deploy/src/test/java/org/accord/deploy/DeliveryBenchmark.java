package org.accord.deploy;

import static org.accord.deploy.BenchmarkAnswers.expect;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.accord.identity.testing.AllianceLogins;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How long a case change takes to reach a partner's webhook, and how many events a second the platform delivers, on
 * the local platform: a fresh platform on free ports, Canada's partner inbox pointing at a webhook receiver on this
 * machine (TLS with a certificate made for the run, which notifications is told to trust), France adding timeline
 * entries to AMBER cases shared with Canada. Latency is the time from the event's {@code occurredAt} (stamped by cases
 * as it stores the change) to the webhook arriving. Run by {@code deploy/bench/delivery.sh}.
 */
public final class DeliveryBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String STORE_PASSWORD = "bench-only";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Instant> received = new ConcurrentHashMap<>();
    private final Map<String, Instant> occurred = new ConcurrentHashMap<>();
    private final AtomicInteger webhooks = new AtomicInteger();
    private final ExecutorService receiving = Executors.newFixedThreadPool(4);
    private LocalPlatform platform;
    private AllianceLogins logins;
    private volatile String franceToken;

    public static void main(String[] args) throws Exception {
        int latencyEvents = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int burstEvents = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        new DeliveryBenchmark().run(latencyEvents, burstEvents);
    }

    private void run(int latencyEvents, int burstEvents) throws Exception {
        Path work = Files.createTempDirectory("accord-bench");
        Path receiverStore = work.resolve("receiver.p12");
        Path trustStore = work.resolve("trust.p12");
        makeCertificate(work, receiverStore, trustStore);
        HttpsServer receiver = startReceiver(receiverStore);
        try {
            LaunchSettings settings = LaunchSettings.onFreePorts(LaunchSettings.findProjectRoot(),
                    work.resolve("data"));
            platform = new LocalPlatform(settings, message -> System.out.println("  " + message))
                    .with("notifications", "accord.notifications.webhook.trust-store", trustStore.toUri().toString())
                    .with("notifications", "accord.notifications.webhook.trust-store-password", STORE_PASSWORD);
            System.out.println("Starting the platform on free ports");
            platform.start();
            logins = new AllianceLogins(platform.keycloakUrl(), platform.gatewayUrl(),
                    platform.keycloakAdminPassword());
            franceToken = logins.userToken("fr-officer");
            String canadaLiaison = logins.userToken("ca-liaison");
            String hook = "https://localhost:" + receiver.getAddress().getPort() + "/hook";
            expect(200, send(canadaLiaison, "PUT", "/api/partners/CA", """
                    {"emails": [], "webhookUrl": "%s", "events": ["EntryAdded"], "deliveryMode": "IMMEDIATE"}
                    """.formatted(hook), "notifications"));
            expect(200, send(canadaLiaison, "POST", "/api/partners/CA/webhook-secret", null, "notifications"));

            List<String> cases = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                cases.add(JSON.readTree(expect(201, send(franceToken, "POST", "/api/cases", """
                        {"title": "Benchmark case %d", "summary": "Events for the delivery benchmark.",
                         "situationCountry": "SD", "tlp": "AMBER", "sharedWith": [{"country": "CA", "access": "READ"}],
                         "namedRecipients": [], "tags": []}
                        """.formatted(i), "cases")).body()).path("id").asString());
            }

            System.out.println("Warming up with 20 events");
            addEntries(cases, 20, 1, Duration.ZERO);
            awaitWebhooks(20, Duration.ofMinutes(3));
            received.clear();
            occurred.clear();
            webhooks.set(0);

            System.out.printf("Latency: %d entries at 10 a second%n", latencyEvents);
            addEntries(cases, latencyEvents, 1, Duration.ofMillis(100));
            awaitWebhooks(latencyEvents, Duration.ofMinutes(3));
            List<Long> latencies = new ArrayList<>();
            received.forEach((id, at) -> latencies.add(Duration.between(occurred.get(id), at).toMillis()));
            latencies.sort(Comparator.naturalOrder());

            received.clear();
            occurred.clear();
            webhooks.set(0);
            System.out.printf("Throughput: %d entries from 4 writers as fast as cases takes them%n", burstEvents);
            Instant burstStart = Instant.now();
            addEntries(cases, burstEvents, 4, Duration.ZERO);
            Instant written = Instant.now();
            awaitWebhooks(burstEvents, Duration.ofMinutes(5));
            Instant lastReceived = received.values().stream().max(Comparator.naturalOrder()).orElseThrow();
            double seconds = Duration.between(burstStart, lastReceived).toMillis() / 1000.0;

            System.out.println();
            System.out.println("Accord delivery benchmark (local platform, one machine)");
            System.out.printf("  change -> webhook latency over %d events: p50 %d ms, p95 %d ms, max %d ms%n",
                    latencies.size(), percentile(latencies, 50), percentile(latencies, 95),
                    latencies.get(latencies.size() - 1));
            System.out.printf("  sustained: %d events delivered in %.1f s = %.1f events/s (written at %.1f/s)%n",
                    burstEvents, seconds, burstEvents / seconds,
                    burstEvents / (Duration.between(burstStart, written).toMillis() / 1000.0));
        } finally {
            if (platform != null) {
                platform.close();
            }
            receiver.stop(0);
            receiving.shutdownNow();
            try (Stream<Path> files = Files.walk(work)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** Timeline entries spread over the cases, from {@code writers} threads, each pausing {@code pause} between. */
    private void addEntries(List<String> cases, int count, int writers, Duration pause) throws Exception {
        // A fresh token for each phase; alliance tokens live two minutes.
        franceToken = logins.userToken("fr-officer");
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            done.add(pool.submit(() -> {
                for (int n; (n = next.getAndIncrement()) < count;) {
                    String caseId = cases.get(n % cases.size());
                    expect(201, send(franceToken, "POST", "/api/cases/" + caseId + "/entries",
                            "{\"kind\":\"OBSERVATION\",\"text\":\"Observation " + n + "\","
                                    + "\"occurredAt\":\"2025-03-01T08:00:00Z\"}", "cases"));
                    if (!pause.isZero()) {
                        Thread.sleep(pause.toMillis());
                    }
                }
                return null;
            }));
        }
        for (Future<?> writer : done) {
            writer.get();
        }
        pool.shutdown();
    }

    private void awaitWebhooks(int count, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (received.size() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("only " + received.size() + " of " + count
                        + " webhooks arrived within " + limit.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
    }

    private HttpsServer startReceiver(Path store) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, STORE_PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(factory.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.setExecutor(receiving);
        server.createContext("/hook", exchange -> {
            Instant at = Instant.now();
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String id = body.path("id").asString();
            if (received.putIfAbsent(id, at) == null) {
                occurred.put(id, Instant.parse(body.path("occurredAt").asString()));
            }
            webhooks.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    /** A key and self-signed certificate for localhost, and a trust store holding only that certificate. */
    private static void makeCertificate(Path work, Path receiverStore, Path trustStore) throws Exception {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Path certificate = work.resolve("receiver.crt");
        run(keytool, "-genkeypair", "-alias", "receiver", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", receiverStore.toString(), "-storepass", STORE_PASSWORD);
        run(keytool, "-exportcert", "-alias", "receiver", "-keystore", receiverStore.toString(), "-storepass",
                STORE_PASSWORD, "-file", certificate.toString());
        run(keytool, "-importcert", "-noprompt", "-alias", "receiver", "-file", certificate.toString(),
                "-storetype", "PKCS12", "-keystore", trustStore.toString(), "-storepass", STORE_PASSWORD);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command[1]) + " failed: " + output);
        }
    }

    private HttpResponse<String> send(String token, String method, String path, String body, String service) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.url(service) + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
