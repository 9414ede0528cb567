package org.accord.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.accord.identity.testing.AllianceLogins;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web client in headless Chromium against the whole platform, each person signing in through the gateway's
 * country chooser and their own government's login form: France opens an AMBER case for Canada and proposes
 * sanctions, Canada's liaison hears of it in the inbox and accepts, France follows a link to the case while signed
 * out and, once signed in, sees the acceptance there, and the United States neither lists nor opens the case; a
 * message to Canada withdrawn once France narrowed Canada away shows in Canada's delivery log with why and when.
 * A link with a broken escape is a page not found, and a refused sign-out is shown as such, the session living on.
 * Every page shown is checked by axe-core and photographed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebClientIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String title = "Militia attacks on displaced persons' camps in Darfur, "
            + UUID.randomUUID().toString().substring(0, 8);
    private final String action = "Joint designation of militia commanders";
    private final HttpClient http = HttpClient.newHttpClient();
    private Path dataDir;
    private LocalPlatform platform;
    private String caseId;

    @BeforeAll
    void startPlatform() throws IOException {
        dataDir = Files.createTempDirectory("accord-web");
        platform = new LocalPlatform(LaunchSettings.onFreePorts(LaunchSettings.findProjectRoot(), dataDir)).start();
    }

    @AfterAll
    void stopPlatform() throws IOException {
        if (platform != null) {
            platform.close();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Test
    @Order(1)
    void franceOpensAnAmberCaseForCanadaAssessesItAndProposesSanctionsToCanada() {
        try (WebClientBrowser france = browser().signIn("fr-officer")) {
            assertThat(france.text(By.id("who"))).contains("fr-officer").contains("FR").contains("officer");

            france.clickLink("New case");
            france.type("Title", title);
            france.type("Summary", "Armed groups attacked two camps; witnesses report lists of names by ethnicity.");
            france.type("Situation country", "ZZ");
            france.type("Tags", "camps, militia");
            france.choose("TLP label", "Amber");
            france.choose("Canada", "Read");
            france.clickButton("Open case");
            france.waitFor(By.cssSelector("form.case-form .problem"), "situationCountry");
            assertThat(france.path()).isEqualTo("/cases/new");

            france.type("Situation country", "SD");
            france.clickButton("Open case");

            france.waitFor(By.tagName("h1"), title);
            caseId = france.path().substring("/cases/".length());
            assertThat(france.text(By.cssSelector(".badges .tlp"))).isEqualTo("TLP:AMBER");
            assertThat(france.text(By.className("audience"))).contains("France (originator)").contains("Canada — Read");

            france.clickLink("Timeline");
            france.choose("Kind", "Evidence");
            france.type("What happened", "Satellite images show burned shelters in the northern camp.");
            france.type("Location", "Kalma camp");
            france.type("Source", "Field officer KESTREL");
            france.click(By.xpath("//label[contains(., 'Protect the source')]/input"));
            france.choose("Source reliability", "B — usually reliable");
            france.choose("Information credibility", "2 — probably true");
            france.clickButton("Add entry");
            france.waitFor(By.cssSelector("ol.timeline"), "Source: Field officer KESTREL");
            assertThat(france.text(By.cssSelector("ol.timeline"))).contains("Reliability B2");

            assess(france, 1, "Moderate");
            assess(france, 2, "High");
            france.clickLink("Overview");
            france.find(By.cssSelector("svg.risk-chart"));
            assertThat(france.all(By.cssSelector(".risk-chart circle"))).hasSize(2);

            france.click(By.xpath("//summary[normalize-space()='Propose a coordinated action']"));
            france.choose("Type", "Sanctions designation");
            WebElement propose = france.find(By.cssSelector("form.propose"));
            france.field(propose, "Title").sendKeys(action);
            france.field(propose, "Description").sendKeys("Asset freezes and travel bans on the commanders named.");
            france.choose("Priority", "High");
            france.click(By.xpath("//label[contains(., 'Canada (CA)')]/input"));
            france.clickButton("Propose action");

            france.waitFor(By.cssSelector("form.propose [role=status]"), "Proposed to CA");
            france.waitFor(By.cssSelector("table.matrix td[data-country=CA]"), "Proposed");
            assertThat(france.text(By.cssSelector("table.matrix tbody th"))).contains(action);

            france.open("/cases");
            france.waitFor(By.cssSelector("table.cases"), title);
            accessible(france, "case list");
            france.screenshot("case-list-1280", 1280);
        }
    }

    @Test
    @Order(2)
    void canadasLiaisonSeesTheProposalInTheInboxAndAcceptsIt() {
        try (WebClientBrowser canada = browser().signIn("ca-liaison")) {
            canada.waitUntil(Duration.ofSeconds(90), "the inbox badge never showed an unread item: France's proposal"
                    + " did not reach Canada's inbox (is the tasks-to-notifications relay running?)",
                    driver -> {
                        WebElement badge = driver.findElement(By.id("unread-badge"));
                        if (badge.isDisplayed() && Integer.parseInt(badge.getText().trim()) > 0) {
                            return true;
                        }
                        driver.navigate().refresh();
                        return false;
                    });

            int unread = Integer.parseInt(canada.text(By.id("unread-badge")));
            canada.click(By.id("inbox-link"));
            canada.waitFor(By.cssSelector("li.inbox-item[data-type=ActionProposed]"), title);
            accessible(canada, "inbox");
            canada.screenshot("inbox-1280", 1280);

            By proposal = By.cssSelector("li.inbox-item.unread[data-type=ActionProposed]");
            canada.find(proposal).findElement(By.xpath(".//button[normalize-space()='Mark read']")).click();
            canada.waitFor(By.cssSelector("li.inbox-item[data-type=ActionProposed]"), "Marked read");
            canada.waitFor(By.id("unread-badge"), Integer.toString(unread - 1));

            canada.find(By.cssSelector("li.inbox-item[data-type=ActionProposed]"))
                    .findElement(By.linkText("Open the action")).click();
            canada.waitFor(By.tagName("h1"), action);
            assertThat(canada.path()).startsWith("/tasks/");
            canada.clickButton("Accept");
            canada.waitFor(By.cssSelector("table.assignments tr[data-country=CA]"), "Accepted");
            canada.type("Assign to (username)", "ca-liaison@ca");
            canada.clickButton("Assign");
            canada.waitFor(By.cssSelector("table.assignments tr[data-country=CA] td[data-label=Assignee]"),
                    "ca-liaison@ca");
            canada.type("Your comment", "Canada will list the commanders in the next regulation.");
            canada.clickButton("Add comment");
            canada.waitFor(By.cssSelector("ol.comments"), "Canada will list the commanders");
            canada.screenshot("action-390", 390);

            canada.clickLink("The case");
            canada.clickLink("Timeline");
            canada.waitFor(By.cssSelector("ol.timeline"), "Satellite images show burned shelters");
            assertThat(canada.text(By.cssSelector("ol.timeline"))).contains("Protected source")
                    .contains("Reliability B2").doesNotContain("KESTREL");

            canada.clickLink("Partner inbox");
            canada.type("E-mail addresses", "sanctions-desk@canada.example");
            canada.click(By.xpath("//label[normalize-space()='ActionProposed']/input"));
            canada.clickButton("Save settings");
            canada.waitFor(By.cssSelector("form.partner-form [role=status]"), "Settings saved");
            canada.clickButton("Generate a new secret");
            assertThat(canada.field("New webhook secret").getAttribute("value")).hasSizeGreaterThanOrEqualTo(43);
            canada.find(By.id("log-title"));
            accessible(canada, "partner inbox settings");
            canada.screenshot("partner-settings-1280", 1280);
        }
    }

    @Test
    @Order(3)
    void franceFollowsALinkToTheCaseSignsInAndSeesCanadasAcceptanceInTheMatrix() {
        try (WebClientBrowser france = browser()) {
            france.open("/cases/" + caseId);
            france.waitFor(By.tagName("h1"), "Sign in with your government");
            france.click(By.cssSelector("a[href='/login/fr']"));
            france.find(By.id("kc-form-login"));
            france.driver().findElement(By.id("username")).sendKeys("fr-officer");
            france.driver().findElement(By.id("password")).sendKeys("demo-fr");
            france.driver().findElement(By.id("kc-login")).click();
            france.waitFor(By.tagName("h1"), title);
            assertThat(france.path()).isEqualTo("/cases/" + caseId);
            france.waitFor(By.cssSelector("table.matrix td[data-country=CA]"), "Accepted");
            france.find(By.cssSelector("svg.risk-chart"));
            assertThat(france.all(By.cssSelector(".risk-chart circle"))).hasSize(2);
            accessible(france, "case detail");
            france.screenshot("case-detail-1280", 1280);
            france.screenshot("case-detail-390", 390);

            france.clickLink("Access audit");
            france.waitFor(By.cssSelector("table.audit"), "ca-liaison");
            france.driver().navigate().refresh();
            france.waitFor(By.cssSelector("table.audit"), "ca-liaison");
            assertThat(france.text(By.tagName("h1"))).isEqualTo(title);
        }
    }

    @Test
    @Order(4)
    void theUnitedStatesNeitherListsNorOpensTheCase() {
        try (WebClientBrowser unitedStates = browser().signIn("us-officer")) {
            unitedStates.settled();
            assertThat(unitedStates.text(By.id("view"))).doesNotContain(title);

            unitedStates.open("/cases/" + caseId);
            unitedStates.waitFor(By.tagName("h1"), "Case not found");
            assertThat(unitedStates.text(By.id("view"))).contains("not found").doesNotContain(title);

            unitedStates.clickButton("Sign out");
            unitedStates.waitFor(By.tagName("h1"), "Sign in with your government");
            unitedStates.open("/cases");
            unitedStates.waitFor(By.tagName("h1"), "Sign in with your government");
        }
    }

    @Test
    @Order(5)
    void anEditAfterSomeoneElseSavedSaysSoAndKeepsTheTypedChanges() {
        try (WebClientBrowser france = browser().signIn("fr-officer")) {
            france.open("/cases/" + caseId + "/edit");
            france.type("Title", title + " (revised)");

            String token = new AllianceLogins(platform.keycloakUrl(), platform.gatewayUrl()).userToken("fr-officer");
            HttpResponse<String> current = call(HttpRequest.newBuilder(caseUrl()).header("Authorization",
                    "Bearer " + token).GET());
            HttpResponse<String> changed = call(HttpRequest.newBuilder(caseUrl())
                    .header("Authorization", "Bearer " + token)
                    .header("If-Match", current.headers().firstValue("ETag").orElseThrow())
                    .header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\": \"ESCALATING\"}")));
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

            france.clickButton("Save changes");
            france.waitFor(By.className("conflict"), "changed by someone else");
            assertThat(france.field("Title").getAttribute("value")).endsWith("(revised)");
            france.clickButton("Load the latest version");
            france.waitFor(By.className("latest"), "Escalating");
            france.choose("Status", "Escalating");
            france.clickButton("Save changes");
            france.waitFor(By.tagName("h1"), "(revised)");
        }
    }

    @Test
    @Order(6)
    void canadasLiaisonFiltersTheDeliveryLogForWithdrawnMessagesAndSeesWhyAndWhen() throws InterruptedException {
        AllianceLogins logins = new AllianceLogins(platform.keycloakUrl(), platform.gatewayUrl());
        String liaison = logins.userToken("ca-liaison");
        String officer = logins.userToken("fr-officer");
        HttpResponse<String> settings = api("PUT", "/api/partners/CA", liaison, """
                {"emails": [], "webhookUrl": "https://localhost:%d/accord", "events": ["EntryAdded"],
                 "deliveryMode": "IMMEDIATE"}""".formatted(closedPort()));
        assertThat(settings.statusCode()).as(settings.body()).isEqualTo(200);
        assertThat(api("POST", "/api/partners/CA/webhook-secret", liaison, null).statusCode()).isEqualTo(200);

        HttpResponse<String> opened = api("POST", "/api/cases", officer, """
                {"title": "Convoys near the border", "summary": "Trucks seen at night.", "situationCountry": "SD",
                 "tlp": "AMBER", "sharedWith": [{"country": "CA", "access": "READ"}], "namedRecipients": [],
                 "tags": []}""");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String narrowedCase = JSON.readTree(opened.body()).path("id").asString();
        HttpResponse<String> entry = api("POST", "/api/cases/" + narrowedCase + "/entries", officer, """
                {"kind": "OBSERVATION", "text": "Twelve trucks at the crossing.", "occurredAt": "2025-03-02T10:15:00Z",
                 "sourceProtected": false}""");
        assertThat(entry.statusCode()).as(entry.body()).isEqualTo(201);
        // Canada's webhook fails, so the message waits for its retry while France narrows Canada away.
        String delivery = awaitDelivery(liaison, narrowedCase, "FAILED");
        HttpResponse<String> narrowed = api("PUT", "/api/cases/" + narrowedCase + "/sharing", officer, """
                {"tlp": "AMBER", "sharedWith": [{"country": "GB", "access": "READ"}], "namedRecipients": []}""");
        assertThat(narrowed.statusCode()).as(narrowed.body()).isEqualTo(200);
        assertThat(api("POST", "/api/partners/CA/deliveries/" + delivery + "/redrive", liaison, null).statusCode())
                .isIn(202, 409);
        assertThat(awaitDelivery(liaison, narrowedCase, "WITHDRAWN")).isEqualTo(delivery);

        try (WebClientBrowser canada = browser().signIn("ca-liaison")) {
            canada.clickLink("Partner inbox");
            canada.find(By.id("log-title"));
            canada.settled();
            canada.choose("Show", "Withdrawn");
            canada.waitFor(By.cssSelector("table.deliveries"), "the case is no longer shared with CA");
            List<WebElement> rows = canada.all(By.cssSelector("table.deliveries tbody tr"));
            assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.getAttribute("data-status"))
                    .isEqualTo("WITHDRAWN"));
            assertThat(canada.text(By.cssSelector("table.deliveries tbody tr td[data-label=Status]")))
                    .contains("Withdrawn").containsPattern("withdrawn \\S.* UTC: the case is no longer shared with CA");
            assertThat(canada.all(By.xpath("//table[contains(@class,'deliveries')]//button[normalize-space()="
                    + "'Redrive']"))).as("a withdrawn message cannot be redriven").isEmpty();
            accessible(canada, "delivery log of withdrawn messages");
            canada.screenshot("delivery-log-withdrawn-1280", 1280);
        }
    }

    /** The id of Canada's webhook delivery about the case once it has the status, asked of the log as the liaison. */
    private String awaitDelivery(String liaison, String caseId, String status) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            HttpResponse<String> log = api("GET", "/api/partners/CA/deliveries?size=100&status=" + status, liaison,
                    null);
            assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
            for (JsonNode item : JSON.readTree(log.body()).path("items")) {
                if (caseId.equals(item.path("caseId").asString()) && "WEBHOOK".equals(item.path("channel")
                        .asString())) {
                    return item.path("id").asString();
                }
            }
            assertThat(Instant.now()).as("Canada's webhook about " + caseId + " " + status).isBefore(deadline);
            Thread.sleep(500);
        }
    }

    private HttpResponse<String> api(String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .header("Authorization", "Bearer " + token);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(json));
        }
        return call(request);
    }

    /** A port on this machine where nothing listens. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @Order(7)
    void aLinkWithABrokenEscapeIsPageNotFoundAndARefusedSignOutSaysSoWhileTheSessionLivesOn() {
        try (WebClientBrowser france = browser().signIn("fr-officer")) {
            france.settled();
            // a link inside the page, as an inbox item or a mail pasted into a note would make it
            ((JavascriptExecutor) france.driver()).executeScript("const link = document.createElement('a');"
                    + "link.href = '/cases/%E0%A4%A'; link.textContent = 'Broken link'; link.id = 'broken';"
                    + "document.getElementById('view').append(link);");
            france.click(By.id("broken"));
            france.waitFor(By.tagName("h1"), "Page not found");
            assertThat(france.path()).isEqualTo("/cases/%E0%A4%A");
            assertThat(france.all(By.cssSelector("#view .loading"))).isEmpty();

            // the same link opened directly, as typed or followed from a mail: the gateway's own page says it
            france.open("/cases/%E0%A4%A");
            france.waitFor(By.tagName("h1"), "Page not found");
            assertThat(france.driver().getTitle()).isEqualTo("Not found · Accord");
            france.clickLink("Go to the cases");
            france.settled();
            assertThat(france.path()).isEqualTo("/cases");
            // Without the XSRF cookie the gateway refuses the sign-out, and the session stays.
            france.driver().manage().deleteCookieNamed("XSRF-TOKEN");
            france.clickButton("Sign out");
            france.waitFor(By.tagName("h1"), "Signing out failed");
            assertThat(france.text(By.cssSelector("#view [role=alert]"))).contains("You are still signed in.");
            assertThat(france.path()).isEqualTo("/cases");

            france.driver().navigate().refresh();
            france.waitFor(By.id("username"), "fr-officer@fr");
            france.clickButton("Sign out");
            france.waitFor(By.tagName("h1"), "Sign in with your government");
        }
    }

    private URI caseUrl() {
        return URI.create(platform.gatewayUrl() + "/api/cases/" + caseId);
    }

    private HttpResponse<String> call(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private WebClientBrowser browser() {
        return new WebClientBrowser(platform.gatewayUrl());
    }

    /** Records a risk assessment scoring every factor alike, through the form's 14 labelled factors. */
    private static void assess(WebClientBrowser browser, int score, String level) {
        browser.clickLink("Risk assessment");
        List<WebElement> factors = browser.find(By.cssSelector("form.risk-form")).findElements(By.cssSelector(
                "fieldset.factor"));
        assertThat(factors).hasSize(14);
        assertThat(factors.get(0).getText()).contains("Situations of armed conflict or other forms of instability");
        for (WebElement factor : factors) {
            new Select(browser.field(factor, "Score")).selectByValue(
                    Integer.toString(score));
            WebElement note = browser.field(factor, "Note");
            note.clear();
            note.sendKeys("Reported by two independent sources, score " + score + ".");
        }
        browser.clickButton("Record assessment");
        browser.waitFor(By.cssSelector("table.history tbody tr:first-child"), level);
    }

    private static void accessible(WebClientBrowser browser, String page) {
        List<WebClientBrowser.Violation> violations = browser.accessibilityViolations();
        violations.forEach(violation -> System.out.println("axe on " + page + ": " + violation));
        assertThat(violations).as("critical accessibility violations on the " + page)
                .noneMatch(violation -> "critical".equals(violation.impact()));
    }
}
