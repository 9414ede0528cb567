package org.accord.notifications.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How deliveries are worked off.
 *
 * @param maxAttempts      attempts before a delivery that keeps failing is parked
 * @param pollInterval     how often the worker looks for due deliveries (it also looks whenever one is queued)
 * @param batchSize        due deliveries read per look
 * @param lease            how long a claimed delivery is held by one instance; must outlast any single attempt
 * @param initialBackoff   the ceiling of the first retry's random wait, doubled on each further failure
 * @param maxBackoff       the largest ceiling
 * @param maxRetryAfter    the longest wait a partner's {@code Retry-After} is honoured with
 * @param threads          sends in flight at once, over all partners
 * @param sendsPerEndpoint sends in flight at once to one partner endpoint, so a slow one cannot take every thread
 * @param historySize      attempts kept per delivery
 * @param logRetention     how long a delivered message stays in the delivery log; parked and pending ones stay until
 *                         they are delivered
 * @param forgetEvery      how often delivered messages older than that are removed
 */
@ConfigurationProperties("accord.notifications.delivery")
public record DeliveryProperties(
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("5m") Duration lease,
        @DefaultValue("10s") Duration initialBackoff,
        @DefaultValue("1h") Duration maxBackoff,
        @DefaultValue("6h") Duration maxRetryAfter,
        @DefaultValue("8") int threads,
        @DefaultValue("2") int sendsPerEndpoint,
        @DefaultValue("20") int historySize,
        @DefaultValue("90d") Duration logRetention,
        @DefaultValue("1h") Duration forgetEvery) {
}
