package org.accord.notifications.partners;

import java.time.Instant;
import java.util.List;

import org.accord.notifications.access.PartnerOperation;

/**
 * The settings as answered: whether a webhook secret is set and since when, never the secret; whether the webhook was
 * disabled after answering 410 Gone, when and with what answer; what the caller may do with the partner inbox.
 */
record PartnerSettingsView(String country, List<String> emails, String webhookUrl, List<PartnerEventType> events,
        DeliveryMode deliveryMode, boolean webhookSecretSet, Instant webhookSecretRotatedAt, String updatedBy,
        Instant updatedAt, boolean webhookDisabled, Instant webhookDisabledAt, String webhookDisabledBecause,
        List<PartnerOperation> allowedOperations) {

    static PartnerSettingsView of(PartnerSettings settings, List<PartnerOperation> allowedOperations) {
        return new PartnerSettingsView(settings.country(), settings.emails(), settings.webhookUrl(),
                settings.events(), settings.deliveryMode(), settings.sealedWebhookSecret() != null,
                settings.webhookSecretRotatedAt(), settings.updatedBy(), settings.updatedAt(),
                settings.webhookDisabledAt() != null, settings.webhookDisabledAt(),
                settings.webhookDisabledBecause(), allowedOperations);
    }
}
