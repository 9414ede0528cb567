package org.accord.notifications.webhook;

import org.accord.notifications.partners.WebhookUrlGuard;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;

import org.accord.notifications.delivery.AttemptResult;
import org.accord.notifications.delivery.Channel;
import org.accord.notifications.delivery.ChannelSender;
import org.accord.notifications.delivery.QueuedDelivery;
import org.accord.notifications.delivery.SendResult;
import org.accord.notifications.partners.PartnerInbox;
import org.accord.support.web.RequestIds;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Posts a delivery's JSON to the country's webhook, signed with the country's secret (see {@link WebhookVerifier}).
 * Only a 2xx answer is a delivery; redirects are answers, not followed. The host is looked up once per connection and
 * every address is checked against the {@link WebhookUrlGuard} before anything connects, and only the checked
 * addresses are connected to, while TLS still checks the certificate against the host name.
 */
@Component
class WebhookSender implements ChannelSender, DisposableBean {

    static final String EVENT_ID = "X-Accord-Event-Id";
    static final String TIMESTAMP = "X-Accord-Timestamp";
    static final String SIGNATURE = "X-Accord-Signature";

    private final WebhookUrlGuard guard;
    private final Clock clock;
    private final CloseableHttpClient http;
    private final Duration totalTimeout;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "webhook-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    WebhookSender(WebhookUrlGuard guard, WebhookProperties properties, Clock clock) {
        this.guard = guard;
        this.clock = clock;
        this.totalTimeout = properties.totalTimeout();
        Timeout connect = Timeout.ofMilliseconds(properties.connectTimeout().toMillis());
        Timeout read = Timeout.ofMilliseconds(properties.readTimeout().toMillis());
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new CheckedResolver(guard))
                        .setTlsSocketStrategy(new DefaultClientTlsStrategy(sslContext(properties)))
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect)
                                .setSocketTimeout(read).setTimeToLive(5, TimeUnit.MINUTES).build())
                        .setMaxConnTotal(100)
                        .setMaxConnPerRoute(10)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(connect)
                        .setResponseTimeout(read).setRedirectsEnabled(false).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("Accord-Webhooks/1")
                .build();
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    /** One endpoint per scheme, host and port: partners sharing a receiving service share its breaker. */
    @Override
    public String endpoint(PartnerInbox inbox) {
        if (inbox.webhookUrl() == null) {
            return "WEBHOOK of " + inbox.country();
        }
        try {
            URI uri = URI.create(inbox.webhookUrl());
            return "WEBHOOK " + uri.getScheme() + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + uri.getPort();
        } catch (RuntimeException e) {
            return "WEBHOOK of " + inbox.country();
        }
    }

    @Override
    public SendResult send(QueuedDelivery delivery, PartnerInbox inbox) {
        if (inbox.webhookUrl() == null) {
            return new SendResult.Park(AttemptResult.NO_WEBHOOK, "no webhook is set");
        }
        if (inbox.webhookSecret() == null) {
            return new SendResult.Park(AttemptResult.NO_WEBHOOK_SECRET, "no webhook secret is set");
        }
        URI uri;
        try {
            uri = guard.checkShape(inbox.webhookUrl());
        } catch (WebhookUrlGuard.RefusedUrlException refused) {
            return new SendResult.Park(AttemptResult.ADDRESS_NOT_ALLOWED,
                    "webhook URL refused: it " + refused.getMessage());
        }
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpPost post = new HttpPost(uri);
        post.setHeader(EVENT_ID, delivery.key());
        post.setHeader(TIMESTAMP, timestamp);
        post.setHeader(SIGNATURE, WebhookVerifier.sign(inbox.webhookSecret(), timestamp, body));
        RequestIds.current().ifPresent(id -> post.setHeader(RequestIds.HEADER, id));
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        ScheduledFuture<?> deadline = deadlines.schedule(post::cancel, totalTimeout.toMillis(), TimeUnit.MILLISECONDS);
        try (ClassicHttpResponse response = http.executeOpen(null, post, null)) {
            return judge(uri, response);
        } catch (IOException e) {
            RefusedAddressException refused = causeOfType(e, RefusedAddressException.class);
            if (refused != null) {
                return new SendResult.Park(AttemptResult.ADDRESS_NOT_ALLOWED,
                        "webhook host refused at send time: " + refused.getMessage());
            }
            if (post.isCancelled()) {
                return new SendResult.Retry(AttemptResult.TIMED_OUT,
                        "no complete answer from " + uri + " within " + totalTimeout.toSeconds() + " s", null);
            }
            return new SendResult.Retry(classify(e), uri + ": " + describe(e), null);
        } finally {
            deadline.cancel(false);
        }
    }

    private SendResult judge(URI uri, ClassicHttpResponse response) throws IOException {
        int status = response.getCode();
        AttemptResult result = AttemptResult.http(status);
        String detail = uri + " answered HTTP " + status + (response.getReasonPhrase() == null
                || response.getReasonPhrase().isBlank() ? "" : " " + abbreviate(response.getReasonPhrase()));
        drainALittle(response);
        if (status >= 200 && status < 300) {
            return new SendResult.Delivered(result, detail);
        }
        if (status >= 300 && status < 400) {
            Header location = response.getFirstHeader("Location");
            return new SendResult.Retry(result, detail + ": redirects are not followed"
                    + (location == null ? "" : " (to " + abbreviate(location.getValue()) + ")"), null);
        }
        if (status == 410) {
            return new SendResult.Gone(result, detail);
        }
        if (status == 429 || status == 503) {
            return new SendResult.Retry(result, detail, retryAfter(response.getFirstHeader("Retry-After")));
        }
        if (status >= 500) {
            return new SendResult.Retry(result, detail, null);
        }
        if (status == 400 || status == 401 || status == 403 || status == 404 || status == 408 || status == 409
                || status == 425) {
            // Most often a receiver being set up, or the secret being changed on its side: worth a few more tries.
            return new SendResult.Retry(result, detail, null);
        }
        // 405, 411, 413, 415, 422, …: the same request will be refused however often it is sent.
        return new SendResult.Park(result, detail);
    }

    /**
     * The class of a failure before any HTTP answer. Only a certificate the platform refused is a TLS failure, and
     * only a connection that was made and then left without an answer is a time-out: a port that is closed, resets,
     * answers something that is not TLS or never completes the handshake all read as one failure to connect, so the
     * delivery log does not tell what listens where.
     */
    static AttemptResult classify(IOException failure) {
        if (causeOfType(failure, CertificateException.class) != null
                || causeOfType(failure, SSLPeerUnverifiedException.class) != null) {
            return AttemptResult.TLS_FAILED;
        }
        if (causeOfType(failure, ConnectTimeoutException.class) == null
                && causeOfType(failure, InterruptedIOException.class) != null) {
            return AttemptResult.TIMED_OUT;
        }
        return AttemptResult.CONNECTION_FAILED;
    }

    /** Reads a little of the answer so a short one leaves the connection reusable; a long one is cut off. */
    private static void drainALittle(ClassicHttpResponse response) throws IOException {
        if (response.getEntity() != null) {
            try (InputStream content = response.getEntity().getContent()) {
                content.readNBytes(8192);
            }
        }
    }

    /** {@code Retry-After} as seconds or as an HTTP date; {@code null} if absent or unreadable. */
    static Duration retryAfter(Header header) {
        return header == null ? null : retryAfter(header.getValue(), Instant.now());
    }

    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        try {
            long seconds = Long.parseLong(trimmed);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Duration wait = Duration.between(now,
                        ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static String describe(IOException e) {
        if (e instanceof InterruptedIOException) {
            return "no answer in time (" + e.getClass().getSimpleName() + ")";
        }
        if (e instanceof UnknownHostException) {
            return "host not found: " + e.getMessage();
        }
        if (e instanceof SSLException) {
            return "TLS failed: " + abbreviate(String.valueOf(e.getMessage()));
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + abbreviate(e.getMessage()));
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private static <T extends Throwable> T causeOfType(Throwable throwable, Class<T> type) {
        for (Throwable cause = throwable; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static SSLContext sslContext(WebhookProperties properties) {
        try {
            if (properties.trustStore() == null || properties.trustStore().isBlank()) {
                return SSLContext.getDefault();
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            char[] password = properties.trustStorePassword() == null ? null
                    : properties.trustStorePassword().toCharArray();
            try (InputStream in = new DefaultResourceLoader().getResource(properties.trustStore()).getInputStream()) {
                store.load(in, password);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("accord.notifications.webhook.trust-store cannot be read", e);
        }
    }

    @Override
    public void destroy() throws IOException {
        deadlines.shutdownNow();
        http.close();
    }

    /** The lookup behind every webhook connection: the addresses it answers are the ones checked and connected to. */
    private static final class CheckedResolver implements DnsResolver {

        private final WebhookUrlGuard guard;

        CheckedResolver(WebhookUrlGuard guard) {
            this.guard = guard;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            try {
                return guard.addressesAllowed(host).toArray(InetAddress[]::new);
            } catch (WebhookUrlGuard.RefusedUrlException refused) {
                throw new RefusedAddressException(host + " " + refused.getMessage());
            }
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }

    /** The host resolved to an address webhooks may not reach. */
    static final class RefusedAddressException extends UnknownHostException {
        RefusedAddressException(String message) {
            super(message);
        }
    }
}
