package org.accord.support.relay;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service hands the events of its outboxes to notifications.
 *
 * @param enabled          whether the relay runs in this instance (every instance may; leases keep them apart)
 * @param notificationsUrl where notifications listens; events go to {@code /internal/events}
 * @param pollInterval     how long to wait for pending events after a pass found few; a save in this instance wakes
 *                         the relay at once, so this bounds how late it finds events another instance saved
 * @param leaseLength      how long a claimed document stays with one instance; a killed instance's claim lapses then
 * @param batchSize        documents claimed per pass
 * @param initialBackoff   the first wait after notifications could not take an event; doubled on each failure
 * @param maxBackoff       the longest wait between attempts while notifications stays unavailable
 * @param connectTimeout   to open a connection to notifications
 * @param responseTimeout  to wait for an answer
 * @param concurrency      documents handed over side by side (each document's events stay in order)
 */
@ConfigurationProperties("accord.relay")
public record RelayProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("http://localhost:8083") URI notificationsUrl,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("30s") Duration leaseLength,
        @DefaultValue("50") int batchSize,
        @DefaultValue("1s") Duration initialBackoff,
        @DefaultValue("1m") Duration maxBackoff,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration responseTimeout,
        @DefaultValue("4") int concurrency) {

    /** The same settings pointing at another notifications, for a second relay beside the first. */
    public RelayProperties withNotificationsUrl(URI url) {
        return new RelayProperties(enabled, url, pollInterval, leaseLength,
                batchSize, initialBackoff, maxBackoff, connectTimeout, responseTimeout, concurrency);
    }
}
