package org.accord.gateway.edge;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the gateway meets the outside world.
 *
 * @param https       browsers reach the gateway over HTTPS only (directly or through a proxy that ends TLS): send
 *                    HSTS and mark cookies {@code Secure}
 * @param maxBodySize the largest request body passed on to a service
 * @param cors        which other web origins' scripts may call the API; none unless configured
 */
@ConfigurationProperties("accord.gateway")
public record EdgeProperties(boolean https, @DefaultValue("1MB") DataSize maxBodySize, @DefaultValue Cors cors) {

    /** @param allowedOrigins exact origins such as {@code https://partner.example.org}; empty keeps CORS closed */
    public record Cors(@DefaultValue List<String> allowedOrigins) {
    }
}
