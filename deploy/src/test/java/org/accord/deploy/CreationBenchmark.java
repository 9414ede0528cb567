package org.accord.deploy;

import static org.accord.deploy.BenchmarkAnswers.expect;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.accord.identity.testing.AllianceLogins;

/**
 * How many cases a second the local platform creates: a fresh platform on free ports, four writers creating AMBER
 * cases shared with Canada as fast as they are answered, once through the gateway and once straight to cases. Every
 * creation is answered only once it is on disk. The gateway's rate limit is lifted for the run, so the figure is the
 * platform's and not the limit's. Run by {@code deploy/bench/creation.sh}.
 */
public final class CreationBenchmark {

    private static final int WRITERS = 4;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private LocalPlatform platform;
    private AllianceLogins logins;

    public static void main(String[] args) throws Exception {
        int creations = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        new CreationBenchmark().run(creations);
    }

    private void run(int creations) throws Exception {
        Path work = Files.createTempDirectory("accord-bench");
        try {
            LaunchSettings settings = LaunchSettings.onFreePorts(LaunchSettings.findProjectRoot(),
                    work.resolve("data"));
            platform = new LocalPlatform(settings, message -> System.out.println("  " + message))
                    .with("gateway", "accord.gateway.rate-limit.replenish-rate", "100000")
                    .with("gateway", "accord.gateway.rate-limit.burst-capacity", "100000");
            System.out.println("Starting the platform on free ports");
            platform.start();
            logins = new AllianceLogins(platform.keycloakUrl(), platform.gatewayUrl(),
                    platform.keycloakAdminPassword());

            System.out.println("Warming up with 200 creations");
            create(platform.gatewayUrl(), 200);
            System.out.printf("Through the gateway: %d creations from %d writers%n", creations, WRITERS);
            double gateway = create(platform.gatewayUrl(), creations);
            System.out.printf("Straight to cases: %d creations from %d writers%n", creations, WRITERS);
            double cases = create(platform.url("cases"), creations);

            System.out.println();
            System.out.println("Accord creation benchmark (local platform, one machine)");
            System.out.printf("  through the gateway: %.1f creations/s%n", gateway);
            System.out.printf("  straight to cases:   %.1f creations/s%n", cases);
        } finally {
            if (platform != null) {
                platform.close();
            }
            try (Stream<Path> files = Files.walk(work)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** Creates {@code count} cases at {@code baseUrl} from the writers; answers the creations a second. */
    private double create(String baseUrl, int count) throws Exception {
        // a fresh token for each phase; alliance tokens live two minutes
        String token = logins.userToken("fr-officer");
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        Instant start = Instant.now();
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(pool.submit(() -> {
                for (int n; (n = next.getAndIncrement()) < count;) {
                    expect(201, post(baseUrl + "/api/cases", token, """
                            {"title": "Benchmark case %d", "summary": "A case for the creation benchmark.",
                             "situationCountry": "SD", "tlp": "AMBER", "sharedWith": [{"country": "CA",
                             "access": "READ"}], "namedRecipients": [], "tags": []}
                            """.formatted(n)));
                }
                return null;
            }));
        }
        try {
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            // a failed creation stops the others, or their threads would keep the benchmark from ending
            pool.shutdownNow();
        }
        return count / (Duration.between(start, Instant.now()).toMillis() / 1000.0);
    }

    private HttpResponse<String> post(String url, String token, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
