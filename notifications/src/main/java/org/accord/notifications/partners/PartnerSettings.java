package org.accord.notifications.partners;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A country's partner inbox settings, one document per country. {@code sealedWebhookSecret} is the secret encrypted
 * by {@link SecretSealer}; it is never answered to anybody. {@code webhookDisabledAt} is set when the webhook answered
 * 410 Gone: nothing is sent to it until the country's liaisons set a webhook URL again.
 */
@Document("partners")
record PartnerSettings(
        @Id String country,
        List<String> emails,
        String webhookUrl,
        List<PartnerEventType> events,
        DeliveryMode deliveryMode,
        String sealedWebhookSecret,
        Instant webhookSecretRotatedAt,
        String updatedBy,
        Instant updatedAt,
        Instant webhookDisabledAt,
        String webhookDisabledBecause) {

    static PartnerSettings none(String country) {
        return new PartnerSettings(country, List.of(), null, List.of(), DeliveryMode.IMMEDIATE, null, null, null, null,
                null, null);
    }
}
