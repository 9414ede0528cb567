package org.accord.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import tools.jackson.databind.JsonNode;

/**
 * Received events go out as soon as they arrive: this context's fan-out would look for them only once an hour, so
 * whatever reaches a partner or an inbox here was taken there because its arrival woke the fan-out.
 */
class FanOutWakeUpIntegrationTest extends DeliveryIntegrationTestSupport {

    @Test
    void aCaseSharedWithAPartnerReachesItsWebhookWithoutWaitingForThePoll() {
        webhookOf("DE", partnerUrl("a", "/de/woken"));
        PARTNERS.stubFor(post(urlEqualTo("/de/woken")).willReturn(ok()));
        String caseId = caseVisibleTo("US", "DE");

        String eventId = handOver(event("CaseShared", caseId, 1));

        List<LoggedRequest> received = eventually(() -> {
            List<LoggedRequest> requests = PARTNERS.findAll(postRequestedFor(urlEqualTo("/de/woken"))).stream()
                    .filter(request -> eventId.equals(request.getHeader("X-Accord-Event-Id"))).toList();
            assertThat(requests).isNotEmpty();
            return requests;
        });
        assertThat(received).hasSize(1);
        JsonNode body = JSON.readTree(received.get(0).getBodyAsString());
        assertThat(body.get("caseId").asString()).isEqualTo(caseId);
        assertThat(body.get("country").asString()).isEqualTo("DE");
        assertThat(itemsFor("de-analyst", List.of(eventId))).containsExactly(eventId);
    }

    @Test
    void aBurstOfEventsOfOneCaseReachesTheInboxWhole() {
        String caseId = caseVisibleTo("US", "DE");
        List<String> eventIds = new ArrayList<>();

        for (int sequence = 1; sequence <= 12; sequence++) {
            eventIds.add(handOver(event("CaseUpdated", caseId, sequence)));
        }

        List<String> listed = eventually(() -> {
            List<String> items = itemsFor("de-analyst", eventIds);
            assertThat(items).hasSameSizeAs(eventIds);
            return items;
        });
        assertThat(listed).as("each event once").containsExactlyInAnyOrderElementsOf(eventIds);
        assertThat(itemsFor("us-analyst", eventIds)).as("the acting country").isEmpty();
    }

    /** An AMBER case of a US officer that cases says the given countries may see. */
    private static String caseVisibleTo(String... countries) {
        String caseId = newCaseId();
        stubReaders(caseId, "Shelling near the border crossing", "Civilians are leaving the district.", "AMBER",
                List.of(countries), List.of());
        return caseId;
    }

    private static Map<String, Object> event(String type, String caseId, long sequence) {
        return event(type, caseId, sequence, "us-officer", "US");
    }

    /** The event ids of the user's inbox items that are about the given events, as the inbox lists them. */
    private List<String> itemsFor(String username, List<String> eventIds) {
        List<String> items = new ArrayList<>();
        json(get("/api/notifications?size=100", user(username))).get("items").forEach(item -> {
            if (item.has("eventId") && eventIds.contains(item.get("eventId").asString())) {
                items.add(item.get("eventId").asString());
            }
        });
        return items;
    }
}
