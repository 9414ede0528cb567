package org.accord.notifications.partners;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import org.accord.identity.AllianceUser;
import org.accord.notifications.access.NotificationAccessPolicy;
import org.accord.notifications.webhook.WebhookUrlGuard;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;

/** Partner inbox settings per country, managed by that country's liaisons. */
@Service
public class Partners {

    private static final int SECRET_BYTES = 32;

    private final MongoOperations mongo;
    private final NotificationAccessPolicy policy;
    private final WebhookUrlGuard guard;
    private final SecretSealer sealer;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Partners(MongoOperations mongo, NotificationAccessPolicy policy, WebhookUrlGuard guard, SecretSealer sealer,
            Clock clock) {
        this.mongo = mongo;
        this.policy = policy;
        this.guard = guard;
        this.sealer = sealer;
        this.clock = clock;
    }

    PartnerSettingsView get(AllianceUser user, String country) {
        return PartnerSettingsView.of(settings(user, country));
    }

    PartnerSettingsView replace(AllianceUser user, String country, PartnerSettingsRequest request) {
        PartnerSettings current = settings(user, country);
        String webhookUrl = request.webhookUrl() == null || request.webhookUrl().isBlank() ? null
                : request.webhookUrl().trim();
        if (webhookUrl != null) {
            try {
                guard.check(webhookUrl);
            } catch (WebhookUrlGuard.RefusedUrlException refused) {
                throw new InvalidSettingException("webhookUrl", refused.getMessage());
            }
        }
        PartnerSettings replaced = new PartnerSettings(country,
                request.emails().stream().map(String::trim).distinct().toList(), webhookUrl,
                request.events().stream().distinct().toList(), request.deliveryMode(),
                current.sealedWebhookSecret(), current.webhookSecretRotatedAt(), user.username(), clock.instant());
        return PartnerSettingsView.of(mongo.save(replaced));
    }

    NewWebhookSecret rotateSecret(AllianceUser user, String country) {
        PartnerSettings current = settings(user, country);
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        mongo.save(new PartnerSettings(country, current.emails(), current.webhookUrl(), current.events(),
                current.deliveryMode(), sealer.seal(country, secret), now, user.username(), now));
        return new NewWebhookSecret(secret, now);
    }

    /** The country's partner inbox as the delivery side needs it now; a country that set nothing wants nothing. */
    public PartnerInbox inboxOf(String country) {
        PartnerSettings stored = mongo.findById(country, PartnerSettings.class);
        PartnerSettings settings = stored == null ? PartnerSettings.none(country) : stored;
        String secret = settings.sealedWebhookSecret() == null ? null
                : sealer.open(country, settings.sealedWebhookSecret());
        return new PartnerInbox(country, settings.emails(), settings.webhookUrl(), secret, settings.events(),
                settings.deliveryMode());
    }

    private PartnerSettings settings(AllianceUser user, String country) {
        if (!policy.mayManagePartner(user, country)) {
            throw new PartnerNotFoundException();
        }
        PartnerSettings stored = mongo.findById(country, PartnerSettings.class);
        return stored == null ? PartnerSettings.none(country) : stored;
    }
}
