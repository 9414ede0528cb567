package org.accord.notifications.partners;

import java.util.List;

/**
 * A country's partner inbox as the delivery side needs it: where messages go, which events the country wants, and
 * the webhook secret in clear (never shown to anybody; used only to sign).
 *
 * @param webhookUrl    {@code null} when the country has none or it was disabled after answering 410
 * @param webhookSecret {@code null} until the country's liaisons rotate one
 */
public record PartnerInbox(String country, List<String> emails, String webhookUrl, String webhookSecret,
        List<PartnerEventType> events, DeliveryMode deliveryMode) {

    public boolean wants(String eventType) {
        return events.stream().anyMatch(event -> event.name().equals(eventType));
    }
}
