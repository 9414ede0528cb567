package org.accord.support.web;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;

/**
 * An HTTP client for calls to another part of the platform (for a service that has the Apache HTTP client) that can neither hang nor pile up: a bounded connection
 * pool (waiting for a connection is bounded too), connect and response time-outs, no automatic retries (the caller
 * decides what may be retried).
 */
public final class PooledRequestFactory {

    private PooledRequestFactory() {
    }

    public static HttpComponentsClientHttpRequestFactory create(Duration connectTimeout, Duration responseTimeout,
            Duration poolWait, int maxConnections) {
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(timeout(connectTimeout))
                        .setSocketTimeout(timeout(responseTimeout))
                        .setTimeToLive(Timeout.of(5, TimeUnit.MINUTES))
                        .build())
                .build();
        CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(timeout(poolWait))
                        .setResponseTimeout(timeout(responseTimeout))
                        .build())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableRedirectHandling()
                .evictExpiredConnections()
                .build();
        return new HttpComponentsClientHttpRequestFactory(client);
    }

    private static Timeout timeout(Duration duration) {
        return Timeout.ofMilliseconds(duration.toMillis());
    }
}
