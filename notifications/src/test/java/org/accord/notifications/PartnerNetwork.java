package org.accord.notifications;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.accord.notifications.partners.WebhookUrlGuard;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The partners' names as the service looks them up in the webhook tests: every {@code *.partner.test} host is this
 * machine, where the stand-in partner listens, unless a test makes one answer something else, as a partner's DNS
 * that changes its answer after the URL was accepted would.
 */
@TestConfiguration(proxyBeanMethods = false)
class PartnerNetwork {

    static final String DOMAIN = ".partner.test";

    private final Map<String, InetAddress> answers = new ConcurrentHashMap<>();

    @Bean
    WebhookUrlGuard.Resolver partnerNames() {
        return this::resolve;
    }

    void answer(String host, String address) {
        try {
            answers.put(host, InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    private InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress answer = answers.get(host);
        if (answer != null) {
            return new InetAddress[] { answer };
        }
        if (host.endsWith(DOMAIN)) {
            return new InetAddress[] { InetAddress.getByName("127.0.0.1") };
        }
        return InetAddress.getAllByName(host);
    }
}
