package org.accord.notifications.partners;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.accord.identity.AllianceUser;
import org.accord.notifications.access.NotificationAccessPolicy;
import org.accord.notifications.inbox.Inbox;
import org.accord.notifications.inbox.InboxItem;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Partner inbox settings per country, managed by that country's liaisons. */
@Service
public class Partners {

    private static final int SECRET_BYTES = 32;

    private final MongoOperations mongo;
    private final NotificationAccessPolicy policy;
    private final WebhookUrlGuard guard;
    private final SecretSealer sealer;
    private final Inbox inbox;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Partners(MongoOperations mongo, NotificationAccessPolicy policy, WebhookUrlGuard guard, SecretSealer sealer,
            Inbox inbox, Clock clock) {
        this.mongo = mongo;
        this.policy = policy;
        this.guard = guard;
        this.sealer = sealer;
        this.inbox = inbox;
        this.clock = clock;
    }

    PartnerSettingsView get(AllianceUser user, String country) {
        return PartnerSettingsView.of(settings(user, country), policy.partnerOperations(user, country));
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
                current.sealedWebhookSecret(), current.webhookSecretRotatedAt(), user.username(), clock.instant(),
                null, null);
        return PartnerSettingsView.of(mongo.save(replaced), policy.partnerOperations(user, country));
    }

    NewWebhookSecret rotateSecret(AllianceUser user, String country) {
        PartnerSettings current = settings(user, country);
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        mongo.save(new PartnerSettings(country, current.emails(), current.webhookUrl(), current.events(),
                current.deliveryMode(), sealer.seal(country, secret), now, user.username(), now,
                current.webhookDisabledAt(), current.webhookDisabledBecause()));
        return new NewWebhookSecret(secret, now);
    }

    /** The country's partner inbox as the delivery side needs it now; a country that set nothing wants nothing. */
    public PartnerInbox inboxOf(String country) {
        PartnerSettings stored = mongo.findById(country, PartnerSettings.class);
        PartnerSettings settings = stored == null ? PartnerSettings.none(country) : stored;
        String secret = settings.sealedWebhookSecret() == null ? null
                : sealer.open(country, settings.sealedWebhookSecret());
        String webhookUrl = settings.webhookDisabledAt() == null ? settings.webhookUrl() : null;
        return new PartnerInbox(country, settings.emails(), webhookUrl, secret, settings.events(),
                settings.deliveryMode());
    }

    /**
     * Stops webhooks to {@code url} after it answered that it is gone for good, and tells the country in-app so a
     * liaison sets a webhook again. Nothing happens if the country has meanwhile set another URL or it is already
     * disabled, so many deliveries answered 410 at once tell the country once.
     */
    public void disableWebhook(String country, String url, String because) {
        Instant now = clock.instant();
        Query current = new Query(new Criteria().andOperator(Criteria.where("_id").is(country),
                Criteria.where("webhookUrl").is(url), Criteria.where("webhookDisabledAt").is(null)));
        Update disable = new Update().set("webhookDisabledAt", now).set("webhookDisabledBecause", because);
        if (mongo.updateFirst(current, disable, PartnerSettings.class).getModifiedCount() == 0) {
            return;
        }
        inbox.deliver(new InboxItem(null, country, null, "webhook-disabled:" + country + ":" + now.toEpochMilli(),
                "WebhookDisabled", null, null,
                "The partner webhook was disabled: " + because + " A liaison sets a webhook URL again to resume "
                        + "webhooks.",
                now, List.of()));
    }

    private PartnerSettings settings(AllianceUser user, String country) {
        if (!policy.mayManagePartner(user, country)) {
            throw new PartnerNotFoundException();
        }
        PartnerSettings stored = mongo.findById(country, PartnerSettings.class);
        return stored == null ? PartnerSettings.none(country) : stored;
    }
}
