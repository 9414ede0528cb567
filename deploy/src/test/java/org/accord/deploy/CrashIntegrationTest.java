package org.accord.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.accord.identity.testing.AllianceLogins;
import org.accord.identity.testing.TokenClaims;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator's worst day: while France's officer opens cases, adds to their timelines and proposes actions to
 * Canada, Canada's liaison moves Canada's assignments, Canada's officer marks inbox items read and Germany's liaison
 * changes its partner settings, all through the gateway, the whole platform started by the run command is killed
 * with {@code kill -9} of its process group at a random moment; then it is started again on the same data folder.
 * After every restart:
 * <ul>
 * <li>every write answered {@code 2xx} is there, read back through the API by its author, and every account keeps the
 * subject it was given at its first sign-in;</li>
 * <li>every event of a change that was kept reaches the partners subscribed to it once: a partner may be sent one
 * event more than once (a send whose answer the crash cut off is sent again), but always under the same
 * {@code X-Accord-Event-Id}, so a partner that drops an id it has seen counts each change exactly once — the test
 * counts distinct event ids, one per change, never two for the same change;</li>
 * <li>no partner is ever told of a change that was not kept: every webhook received since the first start, before
 * and after each crash, names a case, an entry, an action or an assignment move that the restarted platform has.</li>
 * </ul>
 * A write without an answer (cut by the crash) may or may not have been kept; either is right, and what was kept of
 * it counts as kept.
 */
class CrashIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CRASHES = 3;
    private static final Duration DELIVERY_WAIT = Duration.ofMinutes(3);
    private static final List<String> WRITERS = List.of("fr-officer", "ca-liaison", "ca-officer", "de-liaison");
    private static final List<String> ASSIGNMENT_PATH = List.of("PROPOSED", "ACCEPTED", "IN_PROGRESS", "DONE");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final long seed = new Random().nextLong();
    private final Random random = new Random(seed);
    private final Writes writes = new Writes();
    private final Map<String, String> subjects = new HashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private Path work;
    private boolean passed;
    private PartnerWebhooks partners;
    private LauncherProcessGroup platform;
    private AllianceLogins logins;

    private record Token(String value, Instant expires) {
    }

    /** What the writers were answered: acknowledged ({@code 2xx}) and in doubt (no answer, or a {@code 5xx}). */
    private static final class Writes {
        final Set<String> cases = ConcurrentHashMap.newKeySet();
        final Map<String, Set<String>> entries = new ConcurrentHashMap<>();
        final Set<String> actions = ConcurrentHashMap.newKeySet();
        final Map<String, List<String>> moves = new ConcurrentHashMap<>();
        final Set<String> readItems = ConcurrentHashMap.newKeySet();
        volatile int settingsAcknowledged = -1;
        final Set<Integer> settingsInDoubt = ConcurrentHashMap.newKeySet();
        final List<String> answered = new CopyOnWriteArrayList<>();
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (platform != null) {
            platform.stop();
        }
        if (partners != null) {
            partners.close();
        }
        // a failed run leaves its data folder and every part's log for the person who looks into it
        if (work != null && passed) {
            try (Stream<Path> files = Files.walk(work)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    @Test
    void everyAcknowledgedWriteAndItsEventsOutliveKillingTheWholePlatform() throws Exception {
        System.out.println("CrashIntegrationTest seed " + seed);
        Path target = LaunchSettings.findProjectRoot().resolve("deploy/target");
        work = Files.createTempDirectory(Files.createDirectories(target), "crash-");
        Path dataDir = work.resolve("data");
        partners = PartnerWebhooks.start(work);
        int firstPort = freePortRange();
        Map<String, String> environment = Map.of(
                // notifications trusts the partners' certificate made for this run, as a local demonstration would
                "ACCORD_NOTIFICATIONS_WEBHOOK_TRUSTSTORE", partners.trustStoreLocation(),
                "ACCORD_NOTIFICATIONS_WEBHOOK_TRUSTSTOREPASSWORD", partners.trustStorePassword(),
                // what the killed instances had claimed (events to relay, a case's events to fan out, a webhook to
                // send) is taken up again once their leases lapse: shorter ones than the defaults keep the wait
                // short, a webhook's still longer than the 30 s one send may take
                "ACCORD_RELAY_LEASELENGTH", "15s",
                "ACCORD_NOTIFICATIONS_FANOUT_LEASE", "20s",
                "ACCORD_NOTIFICATIONS_DELIVERY_LEASE", "40s");

        platform = start(dataDir, firstPort, environment, 0);
        subscribe("ca", List.of("CaseShared", "EntryAdded", "ActionProposed"));
        subscribe("fr", List.of("AssignmentChanged"));

        for (int crash = 1; crash <= CRASHES; crash++) {
            writeUntilKilled(Duration.ofMillis(4_000 + random.nextInt(8_000)));
            platform = start(dataDir, firstPort, environment, crash);
            assertEveryAcknowledgedWriteIsKept(crash);
            assertPartnersHeardOfExactlyWhatWasKept(crash);
        }
        assertThat(writes.cases).as("cases acknowledged over all rounds").hasSizeGreaterThan(CRASHES);
        assertThat(writes.actions).as("actions acknowledged over all rounds").isNotEmpty();
        passed = true;
    }

    private LauncherProcessGroup start(Path dataDir, int firstPort, Map<String, String> environment, int round)
            throws InterruptedException {
        LauncherProcessGroup started = LauncherProcessGroup.start(LaunchSettings.findProjectRoot(), dataDir,
                firstPort, environment, work.resolve("launcher-" + round + ".log"));
        String adminPassword;
        try {
            adminPassword = Files.readString(dataDir.resolve(KeycloakAdminPassword.FILE)).strip();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Ports ports = started.ports();
        logins = new AllianceLogins("http://localhost:" + ports.keycloak(), "http://localhost:" + ports.gateway(),
                adminPassword);
        platform = started;
        tokens.clear();
        for (String user : WRITERS) {
            HttpResponse<String> me = expect(200, call(user, "GET", "/api/me", null));
            String subject = json(me).path("subject").asString();
            assertThat(subjects.putIfAbsent(user, subject)).as("%s's account after restart %d", user, round)
                    .isIn(null, subject);
        }
        return started;
    }

    private void subscribe(String country, List<String> events) {
        String liaison = country + "-liaison";
        HttpResponse<String> put = call(liaison, "PUT", "/api/partners/" + country.toUpperCase(), """
                {"emails": [], "webhookUrl": "%s", "events": %s, "deliveryMode": "IMMEDIATE"}
                """.formatted(partners.url(country), JSON.writeValueAsString(events)));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        HttpResponse<String> secret = call(liaison, "POST",
                "/api/partners/" + country.toUpperCase() + "/webhook-secret", null);
        assertThat(secret.statusCode()).as(secret.body()).isEqualTo(200);
    }

    /** Runs the writers, kills the whole platform after the given time, and stops the writers. */
    private void writeUntilKilled(Duration before) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(5);
        List<Future<?>> loops = new ArrayList<>();
        long writerSeed = random.nextLong();
        loops.add(writers.submit(() -> loop(running, new Random(writerSeed), this::openCaseOrAddEntry)));
        loops.add(writers.submit(() -> loop(running, new Random(writerSeed + 1), this::proposeAction)));
        loops.add(writers.submit(() -> loop(running, new Random(writerSeed + 2), this::moveAssignment)));
        loops.add(writers.submit(() -> loop(running, new Random(writerSeed + 3), this::markItemRead)));
        loops.add(writers.submit(() -> loop(running, new Random(writerSeed + 4), this::changePartnerSettings)));
        Thread.sleep(before.toMillis());

        long group = platform.groupId();
        assertThat(platform.members(group)).as("the launcher, Keycloak and the services before the kill")
                .hasSizeGreaterThanOrEqualTo(6);
        platform.killAll();
        running.set(false);
        writers.shutdown();
        assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).as("the writers stop").isTrue();
        for (Future<?> loop : loops) {
            loop.get();
        }

        assertThat(platform.members(group)).as("processes of the killed platform still running").isEmpty();
        assertThat(platform.ports().owners().keySet().stream().filter(port -> !Ports.isFree(port)).toList())
                .as("ports of the killed platform still taken").isEmpty();
    }

    private interface Write {
        void once(Random random);
    }

    private static void loop(AtomicBoolean running, Random random, Write write) {
        while (running.get()) {
            write.once(random);
        }
    }

    /** France's officer opens a case shared with Canada or, once it has some, adds to a timeline. */
    private void openCaseOrAddEntry(Random random) {
        List<String> cases = List.copyOf(writes.cases);
        if (cases.isEmpty() || random.nextInt(3) == 0) {
            HttpResponse<String> created = call("fr-officer", "POST", "/api/cases", """
                    {"title": "Attacks on camps %s", "summary": "Armed groups attacked two camps.",
                     "situationCountry": "SD", "tlp": "AMBER", "sharedWith": [{"country": "CA", "access": "READ"}],
                     "namedRecipients": [], "tags": []}
                    """.formatted(UUID.randomUUID()));
            if (acknowledged(created)) {
                writes.cases.add(json(created).path("id").asString());
            }
            return;
        }
        String caseId = cases.get(random.nextInt(cases.size()));
        HttpResponse<String> entry = call("fr-officer", "POST", "/api/cases/" + caseId + "/entries", """
                {"kind": "OBSERVATION", "text": "Observation %s", "occurredAt": "2025-03-01T08:00:00Z"}
                """.formatted(UUID.randomUUID()));
        if (acknowledged(entry)) {
            writes.entries.computeIfAbsent(caseId, id -> ConcurrentHashMap.newKeySet())
                    .add(json(entry).path("id").asString());
        }
    }

    /** France's officer proposes an action to Canada on one of its cases. */
    private void proposeAction(Random random) {
        List<String> cases = List.copyOf(writes.cases);
        if (cases.isEmpty()) {
            pause(200);
            return;
        }
        HttpResponse<String> proposed = call("fr-officer", "POST", "/api/tasks", """
                {"caseId": "%s", "type": "DIPLOMATIC_DEMARCHE", "title": "Joint demarche",
                 "description": "Raise the attacks with the government.", "dueDate": "%s", "priority": "HIGH",
                 "countries": ["CA"]}
                """.formatted(cases.get(random.nextInt(cases.size())),
                Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)));
        if (acknowledged(proposed)) {
            writes.actions.add(json(proposed).path("id").asString());
        }
        pause(150);
    }

    /** Canada's liaison moves Canada's assignment of an action one step on: accepted, started, done. */
    private void moveAssignment(Random random) {
        List<String> open = writes.actions.stream()
                .filter(id -> writes.moves.getOrDefault(id, List.of()).size() < ASSIGNMENT_PATH.size() - 1)
                .sorted().toList();
        if (open.isEmpty()) {
            pause(200);
            return;
        }
        String taskId = open.get(random.nextInt(open.size()));
        HttpResponse<String> action = call("ca-liaison", "GET", "/api/tasks/" + taskId, null);
        if (action == null || action.statusCode() != 200) {
            pause(100);
            return;
        }
        String status = assignmentOfCanada(json(action)).path("status").asString();
        int at = ASSIGNMENT_PATH.indexOf(status);
        if (at < 0 || at == ASSIGNMENT_PATH.size() - 1) {
            return;
        }
        String next = ASSIGNMENT_PATH.get(at + 1);
        HttpResponse<String> moved = call("ca-liaison", "POST", "/api/tasks/" + taskId + "/assignments/CA/transitions",
                "{\"to\": \"" + next + "\"}");
        if (acknowledged(moved)) {
            writes.moves.compute(taskId, (id, done) -> {
                List<String> more = new ArrayList<>(done == null ? List.of() : done);
                more.add(next);
                return List.copyOf(more);
            });
        }
    }

    /** Canada's officer marks one of its unread inbox items read. */
    private void markItemRead(Random random) {
        HttpResponse<String> unread = call("ca-officer", "GET", "/api/notifications?unread=true&size=20", null);
        if (unread == null || unread.statusCode() != 200 || json(unread).path("items").isEmpty()) {
            pause(300);
            return;
        }
        JsonNode items = json(unread).path("items");
        String itemId = items.get(random.nextInt(items.size())).path("id").asString();
        HttpResponse<String> read = call("ca-officer", "POST", "/api/notifications/" + itemId + "/read", null);
        if (acknowledged(read)) {
            writes.readItems.add(itemId);
        }
        pause(100);
    }

    /** Germany's liaison gives its partner inbox a new address, numbered so the newest one is known. */
    private void changePartnerSettings(Random random) {
        int number = writes.settingsAcknowledged + 1 + writes.settingsInDoubt.size();
        HttpResponse<String> put = call("de-liaison", "PUT", "/api/partners/DE", """
                {"emails": ["desk-%d@de.example"], "events": ["CaseShared"], "deliveryMode": "IMMEDIATE"}
                """.formatted(number));
        if (acknowledged(put)) {
            writes.settingsAcknowledged = number;
        } else if (put == null || put.statusCode() >= 500) {
            writes.settingsInDoubt.add(number);
        }
        pause(200 + random.nextInt(300));
    }

    /** A 2xx answer; anything else is remembered for the failure message, and an unexpected refusal fails later. */
    private boolean acknowledged(HttpResponse<String> response) {
        if (response == null) {
            pause(50);
            return false;
        }
        if (response.statusCode() / 100 == 2) {
            return true;
        }
        writes.answered.add(response.request().method() + " " + response.request().uri().getPath() + " "
                + response.statusCode() + " " + response.body());
        return false;
    }

    private void assertEveryAcknowledgedWriteIsKept(int round) {
        String after = "after crash " + round + " (seed " + seed + ")";
        for (String caseId : writes.cases) {
            HttpResponse<String> kept = call("fr-officer", "GET", "/api/cases/" + caseId, null);
            assertThat(kept).as("an answer").isNotNull();
            assertThat(kept.statusCode()).as("acknowledged case %s %s", caseId, after).isEqualTo(200);
            Set<String> entries = new HashSet<>();
            json(kept).path("entries").forEach(entry -> entries.add(entry.path("id").asString()));
            Set<String> acknowledgedEntries = writes.entries.getOrDefault(caseId, Set.of());
            if (!acknowledgedEntries.isEmpty()) {
                assertThat(entries).as("acknowledged entries of case %s %s", caseId, after)
                        .containsAll(acknowledgedEntries);
            }
        }
        for (String taskId : writes.actions) {
            HttpResponse<String> kept = call("fr-officer", "GET", "/api/tasks/" + taskId, null);
            assertThat(kept).as("an answer").isNotNull();
            assertThat(kept.statusCode()).as("acknowledged action %s %s", taskId, after).isEqualTo(200);
            List<String> history = new ArrayList<>();
            assignmentOfCanada(json(kept)).path("history").forEach(move -> history.add(move.path("to").asString()));
            List<String> acknowledged = writes.moves.getOrDefault(taskId, List.of());
            // a move whose answer the crash cut off may be kept too; only the acknowledged ones must be there
            if (!acknowledged.isEmpty()) {
                assertThat(history).as("Canada's acknowledged moves of action %s %s", taskId, after)
                        .containsSubsequence(acknowledged);
            }
        }
        Map<String, Boolean> inbox = new HashMap<>();
        items("ca-officer").forEach(item -> inbox.put(item.path("id").asString(), item.path("read").asBoolean()));
        for (String itemId : writes.readItems) {
            assertThat(inbox.get(itemId)).as("inbox item %s acknowledged read %s", itemId, after).isTrue();
        }
        HttpResponse<String> settings = expect(200, call("de-liaison", "GET", "/api/partners/DE", null));
        if (writes.settingsAcknowledged >= 0) {
            String address = json(settings).path("emails").path(0).asString();
            int kept = Integer.parseInt(address.replaceAll("\\D", ""));
            assertThat(kept == writes.settingsAcknowledged
                    || kept > writes.settingsAcknowledged && writes.settingsInDoubt.contains(kept))
                    .as("Germany's partner address %s %s; acknowledged last: desk-%d, unanswered: %s", address, after,
                            writes.settingsAcknowledged, writes.settingsInDoubt)
                    .isTrue();
        }
    }

    /** What the restarted platform keeps, as its authors read it: each case's entries and each action's moves. */
    private record Kept(Map<String, Integer> entriesByCase, Map<String, String> caseOfAction,
            Map<String, Integer> movesByAction) {
    }

    private Kept kept() {
        Map<String, Integer> entries = new TreeMap<>();
        for (int page = 0;; page++) {
            JsonNode listed = json(expect(200, call("fr-officer", "GET", "/api/cases?size=100&page=" + page, null)))
                    .path("items");
            listed.forEach(item -> entries.put(item.path("id").asString(), 0));
            if (listed.size() < 100) {
                break;
            }
        }
        for (String caseId : List.copyOf(entries.keySet())) {
            entries.put(caseId, json(expect(200, call("fr-officer", "GET", "/api/cases/" + caseId + "/entries", null)))
                    .path("totalItems").asInt());
        }
        Map<String, String> caseOfAction = new TreeMap<>();
        Map<String, Integer> moves = new TreeMap<>();
        for (int page = 0;; page++) {
            JsonNode listed = json(expect(200, call("fr-officer", "GET", "/api/tasks?size=100&page=" + page, null)))
                    .path("items");
            listed.forEach(action -> {
                caseOfAction.put(action.path("id").asString(), action.path("caseId").asString());
                moves.put(action.path("id").asString(),
                        ASSIGNMENT_PATH.indexOf(assignmentOfCanada(action).path("status").asString()));
            });
            if (listed.size() < 100) {
                break;
            }
        }
        return new Kept(entries, caseOfAction, moves);
    }

    /**
     * The distinct event ids each partner received per change, keyed by what the change was about, next to what the
     * kept state calls for: one case shared with Canada per case, one entry added per kept entry, one action proposed
     * per action, and France told of each of Canada's moves.
     */
    private record Tally(Map<String, Integer> expected, Map<String, Integer> received) {

        static Tally of(Kept kept, List<PartnerWebhooks.Received> webhooks) {
            Map<String, Integer> expected = new TreeMap<>();
            kept.entriesByCase().forEach((caseId, entries) -> {
                expected.put("CA CaseShared " + caseId, 1);
                expected.put("CA EntryAdded " + caseId, entries);
            });
            kept.caseOfAction().forEach((taskId, caseId) -> {
                expected.put("CA ActionProposed " + caseId + " " + taskId, 1);
                expected.put("FR AssignmentChanged " + caseId + " " + taskId, kept.movesByAction().get(taskId));
            });
            expected.values().removeIf(count -> count == 0);
            Map<String, Set<String>> ids = new TreeMap<>();
            for (PartnerWebhooks.Received webhook : webhooks) {
                String about = webhook.country() + " " + webhook.type() + " " + webhook.caseId()
                        + (webhook.taskId() == null ? "" : " " + webhook.taskId());
                ids.computeIfAbsent(about, key -> new HashSet<>()).add(webhook.eventId());
            }
            Map<String, Integer> received = new TreeMap<>();
            ids.forEach((about, distinct) -> received.put(about, distinct.size()));
            return new Tally(expected, received);
        }

        /** What partners were told of beyond what was kept: a case, entry, action or move the platform lost. */
        Map<String, String> beyondKept() {
            Map<String, String> beyond = new TreeMap<>();
            received.forEach((about, count) -> {
                if (count > expected.getOrDefault(about, 0)) {
                    beyond.put(about, count + " events received, " + expected.getOrDefault(about, 0) + " kept");
                }
            });
            return beyond;
        }
    }

    private void assertPartnersHeardOfExactlyWhatWasKept(int round) throws InterruptedException {
        String after = "after crash " + round + " (seed " + seed + ")";
        List<PartnerWebhooks.Received> webhooks = partners.received();
        assertThat(webhooks).as("every webhook carries its event id in its header and its body")
                .allSatisfy(webhook -> assertThat(webhook.eventId()).isNotBlank().isEqualTo(webhook.bodyId()));
        Map<String, Set<String>> changesPerEventId = webhooks.stream().collect(Collectors.groupingBy(
                PartnerWebhooks.Received::eventId, Collectors.mapping(webhook -> webhook.country() + " "
                        + webhook.type() + " " + webhook.caseId() + " " + webhook.taskId(), Collectors.toSet())));
        assertThat(changesPerEventId).as("one event id speaks of one change to one partner")
                .allSatisfy((eventId, changes) -> assertThat(changes).hasSize(1));

        Kept kept = kept();
        assertThat(Tally.of(kept, webhooks).beyondKept()).as("partners told of changes the platform did not keep %s",
                after).isEmpty();

        Instant deadline = Instant.now().plus(DELIVERY_WAIT);
        Tally tally = Tally.of(kept, partners.received());
        while (!tally.received().equals(tally.expected()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(1_000);
            tally = Tally.of(kept, partners.received());
        }
        assertThat(tally.received()).as("distinct event ids each partner received per change %s", after)
                .isEqualTo(tally.expected());

        List<JsonNode> inbox = items("ca-officer");
        assertThat(inbox.stream().collect(Collectors.groupingBy(item -> item.path("eventId").asString(),
                Collectors.counting()))).as("Canada's inbox items per event %s", after)
                .allSatisfy((eventId, count) -> assertThat(count).isEqualTo(1));
        assertThat(inbox).as("Canada's inbox items speak only of kept cases %s", after)
                .allSatisfy(item -> assertThat(kept.entriesByCase()).containsKey(item.path("caseId").asString()));
    }

    private List<JsonNode> items(String user) {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0;; page++) {
            JsonNode listed = json(expect(200, call(user, "GET", "/api/notifications?size=100&page=" + page, null)))
                    .path("items");
            listed.forEach(items::add);
            if (listed.size() < 100) {
                return items;
            }
        }
    }

    private static JsonNode assignmentOfCanada(JsonNode action) {
        for (JsonNode assignment : action.path("assignments")) {
            if (assignment.path("country").asString().equals("CA")) {
                return assignment;
            }
        }
        throw new IllegalStateException("no assignment of Canada in " + action);
    }

    /**
     * A call through the gateway with the user's token. A {@code 429} changes nothing, so it is made again once the
     * gateway's rate limit allows; no answer at all (the platform was killed under it) answers {@code null}.
     */
    private HttpResponse<String> call(String user, String method, String path, String body) {
        String token = tokenOf(user);
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://localhost:" + platform.ports().gateway() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            for (;;) {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 429) {
                    return response;
                }
                Thread.sleep(1_000L * response.headers().firstValueAsLong("Retry-After").orElse(1));
            }
        } catch (IOException cutOff) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A real brokered login per user and platform start, reused while it has a minute left. */
    private String tokenOf(String user) {
        return tokens.compute(user, (name, cached) -> cached != null
                && cached.expires().isAfter(Instant.now().plusSeconds(60)) ? cached : login(name)).value();
    }

    private Token login(String user) {
        String value = logins.userToken(user);
        return new Token(value, Instant.ofEpochSecond(JSON.readTree(TokenClaims.payload(value)).path("exp").asLong()));
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        assertThat(response).as("an answer").isNotNull();
        assertThat(response.statusCode()).as(response.request().uri() + ": " + response.body()).isEqualTo(status);
        return response;
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first of 13 consecutive ports that are all free, away from the range the system hands out itself. */
    private int freePortRange() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int first = 20_000 + random.nextInt(10_000);
            boolean free = true;
            for (int port = first; port < first + Ports.COUNT && free; port++) {
                free = Ports.isFree(port);
            }
            if (free) {
                return first;
            }
        }
        throw new IllegalStateException("no 13 consecutive free ports between 20000 and 30013");
    }
}
