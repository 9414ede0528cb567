package org.accord.notifications.fanout;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How received events reach their audience.
 *
 * @param casesUrl     where the cases service answers who may see a case now
 * @param tasksUrl     where the tasks service answers which case and countries an action has
 * @param publicUrl    the platform's address as users reach it, for the links in mails and webhooks
 * @param fanout       the worker that takes received events to their audience
 * @param cases        the bounds of each call to cases
 * @param tasks        the bounds of each call to tasks
 */
@ConfigurationProperties("accord.notifications")
public record FanOutProperties(
        @DefaultValue("http://localhost:8081") URI casesUrl,
        @DefaultValue("http://localhost:8082") URI tasksUrl,
        @DefaultValue("http://localhost:8080") URI publicUrl,
        @DefaultValue Worker fanout,
        @DefaultValue Calls cases,
        @DefaultValue Calls tasks) {

    /**
     * @param poll       pause between two looks for received events
     * @param lease      how long a case's events are held by one instance; a crashed instance's hold runs out then
     * @param retryDelay how long a case's events wait after cases could not answer for them
     * @param batch      received events looked at per round
     * @param keepHandled how long a handled event is kept, recognising a late second hand-over of it as a repeat
     * @param forgetEvery how often handled events older than that are removed
     * @param parkAfter  failures in a row of an event's own handling (not cases being unavailable) after which it is
     *                   parked for an operator to redrive, and its case's later events go on
     */
    public record Worker(@DefaultValue("1s") Duration poll, @DefaultValue("60s") Duration lease,
            @DefaultValue("15s") Duration retryDelay, @DefaultValue("200") int batch,
            @DefaultValue("7d") Duration keepHandled, @DefaultValue("10m") Duration forgetEvery,
            @DefaultValue("8") int parkAfter) {
    }

    /**
     * The time limit, retry and circuit breaker of each call are resilience4j's instances {@code cases-readers} and
     * {@code tasks-action-parties}; an answer is awaited as long as the time limit allows.
     *
     * @param connectTimeout bound on opening a connection to the service
     */
    public record Calls(@DefaultValue("2s") Duration connectTimeout) {
    }
}
