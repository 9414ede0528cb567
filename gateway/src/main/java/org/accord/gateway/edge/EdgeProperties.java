package org.accord.gateway.edge;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the gateway meets the outside world.
 *
 * @param https        browsers reach the gateway over HTTPS only (directly or through a proxy that ends TLS): send
 *                     HSTS and mark cookies {@code Secure}
 * @param publicOrigin the origin browsers load the web client from ({@code scheme://host[:port]}): a state-changing
 *                     call on a browser session must come from it
 * @param maxBodySize  the largest request body passed on to a service
 * @param bodyTimeout  how long a request body may stop arriving before the call is given up
 * @param cors         which other web origins' scripts may call the API; none unless configured
 */
@ConfigurationProperties("accord.gateway")
public record EdgeProperties(boolean https, @DefaultValue("http://localhost:8080") URI publicOrigin,
        @DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("5s") Duration bodyTimeout, @DefaultValue Cors cors) {

    public EdgeProperties {
        if (publicOrigin.getScheme() == null || publicOrigin.getHost() == null
                || !(publicOrigin.getRawPath() == null || publicOrigin.getRawPath().isEmpty())
                || publicOrigin.getRawQuery() != null) {
            throw new IllegalArgumentException("accord.gateway.public-origin must be scheme://host[:port], not "
                    + publicOrigin);
        }
    }

    /** The public origin as a browser writes it in its {@code Origin} header. */
    public String origin() {
        String scheme = publicOrigin.getScheme().toLowerCase(Locale.ROOT);
        String origin = scheme + "://" + publicOrigin.getHost().toLowerCase(Locale.ROOT);
        int port = publicOrigin.getPort();
        boolean defaultPort = port < 0 || port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https");
        return defaultPort ? origin : origin + ":" + port;
    }

    /** @param allowedOrigins exact origins such as {@code https://partner.example.org}; empty keeps CORS closed */
    public record Cors(@DefaultValue List<String> allowedOrigins) {
    }
}
