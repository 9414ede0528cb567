package org.accord.deploy.hostile;

import static org.accord.deploy.hostile.LaunchedPlatform.api;
import static org.accord.deploy.hostile.LaunchedPlatform.assertAuditIntactAndListing;
import static org.accord.deploy.hostile.LaunchedPlatform.json;
import static org.accord.deploy.hostile.LaunchedPlatform.logins;
import static org.accord.deploy.hostile.LaunchedPlatform.platform;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

import org.accord.identity.testing.BrowserSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

/**
 * A country dropped from a case, or a case relabelled RED, while a message about it waits for the country's failing
 * webhook: the message is decided again when it is retried or redriven, and Germany gets nothing of the case — the
 * delivery ends {@code WITHDRAWN} with the reason, cannot be redriven, and its mailbox receives nothing about the case.
 */
@ExtendWith(LaunchedPlatform.class)
class HostileDisclosureIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static BrowserSession france;
    private static BrowserSession germanOfficer;
    private static BrowserSession germanLiaison;

    @BeforeAll
    static void sessions() {
        france = logins().gatewaySession("fr-officer");
        germanOfficer = logins().gatewaySession("de-officer");
        germanLiaison = logins().gatewaySession("de-liaison");
    }

    @Test
    void aMessageWaitingForGermanysFailingWebhookIsWithdrawnOnceGermanyIsNarrowedAway() {
        WaitingMessage message = aMessageWaitingForGermany("Informant names");
        String secret = message.secret();
        String caseId = message.caseId();
        String eventKey = message.eventKey();
        JsonNode waiting = message.delivery();
        String mailbox = message.mailbox();

        BrowserSession.Page narrowed = france.sendJson("PUT", api("/cases/" + caseId + "/sharing"),
                "{\"tlp\":\"AMBER\",\"sharedWith\":[{\"country\":\"CA\",\"access\":\"READ\"}],\"namedRecipients\":[]}");
        assertThat(narrowed.status()).as(narrowed.body()).isEqualTo(200);

        // The retry, when it comes, asks again who may see the case.
        JsonNode withdrawn = eventually(() -> delivery(caseId, eventKey, "WITHDRAWN"));
        assertThat(withdrawn.path("id").asString()).isEqualTo(waiting.path("id").asString());
        assertThat(withdrawn.path("withdrawnBecause").asString())
                .isEqualTo("the case is no longer shared with DE");
        assertNotRedrivable(withdrawn);
        assertThat(withdrawnLog(caseId)).extracting(item -> item.path("key").asString()).contains(eventKey);
        assertThat(mailsTo(mailbox)).noneMatch(text -> text.contains(caseId) || text.contains(secret));
        assertThat(germanOfficer.get(api("/notifications?size=100")).body()).doesNotContain(caseId);

        assertAuditIntactAndListing(france, caseId, "DE");
    }

    @Test
    void aMessageWaitingForGermanysFailingWebhookIsWithdrawnWhenRedrivenAfterTheCaseIsRelabelledRed() {
        WaitingMessage message = aMessageWaitingForGermany("Source location");
        String secret = message.secret();
        String caseId = message.caseId();
        String eventKey = message.eventKey();
        String mailbox = message.mailbox();

        BrowserSession.Page relabelled = france.sendJson("PUT", api("/cases/" + caseId + "/sharing"),
                "{\"tlp\":\"RED\",\"sharedWith\":[],\"namedRecipients\":[]}");
        assertThat(relabelled.status()).as(relabelled.body()).isEqualTo(200);

        // Germany's liaison asks for the message again at once, rather than waiting for its retry.
        JsonNode failed = delivery(caseId, eventKey, null);
        BrowserSession.Page redriven = germanLiaison.send("POST",
                api("/partners/DE/deliveries/" + failed.path("id").asString() + "/redrive"), null, null);
        assertThat(redriven.status()).as(redriven.body()).isIn(202, 409);
        JsonNode withdrawn = eventually(() -> delivery(caseId, eventKey, "WITHDRAWN"));
        assertThat(withdrawn.path("withdrawnBecause").asString())
                .isEqualTo("the case is now TLP:RED, which never leaves the platform");
        assertNotRedrivable(withdrawn);
        assertThat(mailsTo(mailbox)).noneMatch(text -> text.contains(caseId) || text.contains(secret));
        assertThat(germanOfficer.get(api("/notifications?size=100")).body()).doesNotContain(caseId);

        assertAuditIntactAndListing(france, caseId, "DE");
    }

    /** A message to Germany, of an entry France added to an AMBER case holding a secret, as it waits for a retry. */
    private record WaitingMessage(String secret, String caseId, String eventKey, JsonNode delivery, String mailbox) {
    }

    /**
     * Germany listens on a failing webhook, France shares an AMBER case holding {@code secret} (made unique) with
     * Germany and adds an entry; once the message to Germany has failed, Germany adds a mailbox too.
     */
    private static WaitingMessage aMessageWaitingForGermany(String secret) {
        String webhook = germanyListensOnAFailingWebhook();
        String unique = secret + " " + UUID.randomUUID();
        String caseId = franceSharesAnAmberCaseWithGermany(unique);
        String eventKey = franceAddsAnEntry(caseId);
        JsonNode waiting = eventually(() -> delivery(caseId, eventKey, "FAILED"));
        return new WaitingMessage(unique, caseId, eventKey, waiting, germanyAddsAMailbox(webhook));
    }

    /**
     * Germany's partner inbox: a webhook on this machine where nothing listens (every attempt fails and is retried),
     * for timeline entries, and no mailbox yet. Answers the webhook URL.
     */
    private static String germanyListensOnAFailingWebhook() {
        String webhook = "https://localhost:" + closedPort() + "/accord";
        partnerInbox(List.of(), webhook);
        BrowserSession.Page rotated = answered(() -> germanLiaison.send("POST", api("/partners/DE/webhook-secret"),
                null, null));
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        return webhook;
    }

    /** Germany adds a mailbox of its own beside the same webhook; answers the mailbox's address. */
    private static String germanyAddsAMailbox(String webhook) {
        String mailbox = "desk-" + UUID.randomUUID().toString().substring(0, 8) + "@de.example";
        partnerInbox(List.of(mailbox), webhook);
        return mailbox;
    }

    private static void partnerInbox(List<String> emails, String webhook) {
        String addresses = emails.stream().map(address -> "\"" + address + "\"").reduce((a, b) -> a + "," + b)
                .orElse("");
        BrowserSession.Page settings = answered(() -> germanLiaison.sendJson("PUT", api("/partners/DE"), """
                {"emails": [%s], "webhookUrl": "%s", "events": ["EntryAdded"], "deliveryMode": "IMMEDIATE"}"""
                .formatted(addresses, webhook)));
        assertThat(settings.status()).as(settings.body()).isEqualTo(200);
    }

    /** A case France shares with Germany and Canada under AMBER, the secret in its summary; Germany reads it. */
    private static String franceSharesAnAmberCaseWithGermany(String secret) {
        BrowserSession.Page created = answered(() -> france.sendJson("POST", api("/cases"), """
                {"title": "Disclosure %s", "summary": "%s", "situationCountry": "SD",
                 "tlp": "AMBER", "sharedWith": [{"country": "DE", "access": "READ"},
                 {"country": "CA", "access": "READ"}], "namedRecipients": [], "tags": []}"""
                .formatted(UUID.randomUUID(), secret)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String caseId = json(created).path("id").asString();
        assertThat(germanOfficer.get(api("/cases/" + caseId)).status()).isEqualTo(200);
        return caseId;
    }

    /** France adds a timeline entry; answers the key of the webhook that tells Germany of it. */
    private static String franceAddsAnEntry(String caseId) {
        String seen = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS).toString();
        BrowserSession.Page added = answered(() -> france.sendJson("POST", api("/cases/" + caseId + "/entries"), """
                {"kind": "OBSERVATION", "text": "Convoy seen at dawn.", "occurredAt": "%s",
                 "sourceProtected": false}""".formatted(seen)));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return eventually(() -> {
            for (JsonNode item : log(null)) {
                if (caseId.equals(item.path("caseId").asString()) && "EntryAdded".equals(
                        item.path("eventType").asString())) {
                    return item.path("key").asString();
                }
            }
            throw new AssertionError("no webhook about " + caseId + " in Germany's delivery log yet");
        });
    }

    private static void assertNotRedrivable(JsonNode delivery) {
        BrowserSession.Page again = germanLiaison.send("POST",
                api("/partners/DE/deliveries/" + delivery.path("id").asString() + "/redrive"), null, null);
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(json(again).path("type").asString()).endsWith("/problems/delivery-not-redrivable");
    }

    /** Germany's webhook delivery of the event, once it is in the given status ({@code null}: any). */
    private static JsonNode delivery(String caseId, String key, String status) {
        for (JsonNode item : log(status)) {
            if (key.equals(item.path("key").asString()) && "WEBHOOK".equals(item.path("channel").asString())
                    && caseId.equals(item.path("caseId").asString())) {
                return item;
            }
        }
        throw new AssertionError("no webhook " + key + (status == null ? "" : " " + status) + " in the log yet");
    }

    private static List<JsonNode> withdrawnLog(String caseId) {
        return log("WITHDRAWN").stream().filter(item -> caseId.equals(item.path("caseId").asString())).toList();
    }

    private static List<JsonNode> log(String status) {
        BrowserSession.Page page = germanLiaison.get(api("/partners/DE/deliveries?size=100"
                + (status == null ? "" : "&status=" + status)));
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        json(page).path("items").forEach(items::add);
        return items;
    }

    /** Subject and text of every mail in the mailbox, read over the platform mail server's IMAP. */
    private static List<String> mailsTo(String address) {
        Session session = Session.getInstance(new Properties());
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", platform().settings().ports().imap(), address, "any");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> mails = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                mails.add(message.getSubject() + "\n" + message.getContent());
            }
            inbox.close(false);
            return mails;
        } catch (AuthenticationFailedException noMailboxYet) {
            // The mail server makes an address's mailbox when its first mail arrives.
            return List.of();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("the mailbox of " + address + " cannot be read", e);
        }
    }

    /**
     * The answer of a step that sets the scene, asked again while the platform answers it with a server error (a
     * busy machine's time-outs), so that only what the attack itself meets is judged.
     */
    private static BrowserSession.Page answered(Supplier<BrowserSession.Page> step) {
        return eventually(() -> {
            BrowserSession.Page page = step.get();
            assertThat(page.status()).as(page.body()).isLessThan(500);
            return page;
        });
    }

    /** A port on this machine where nothing listens. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T eventually(Supplier<T> check) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            try {
                return check.get();
            } catch (AssertionError notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw notYet;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
