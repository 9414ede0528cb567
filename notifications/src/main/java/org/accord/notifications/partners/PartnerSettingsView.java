package org.accord.notifications.partners;

import java.time.Instant;
import java.util.List;

/** The settings as answered: whether a webhook secret is set and since when, never the secret. */
record PartnerSettingsView(String country, List<String> emails, String webhookUrl, List<PartnerEventType> events,
        DeliveryMode deliveryMode, boolean webhookSecretSet, Instant webhookSecretRotatedAt, String updatedBy,
        Instant updatedAt) {

    static PartnerSettingsView of(PartnerSettings settings) {
        return new PartnerSettingsView(settings.country(), settings.emails(), settings.webhookUrl(),
                settings.events(), settings.deliveryMode(), settings.sealedWebhookSecret() != null,
                settings.webhookSecretRotatedAt(), settings.updatedBy(), settings.updatedAt());
    }
}
