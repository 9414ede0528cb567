package org.accord.gateway.edge;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import reactor.netty.NettyPipeline;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

/**
 * Requests the server refuses before the application sees them are answered as problems too, and a browser's page
 * whose address is no URI as the web client's "Page not found": each HTTP/1.1 connection gets its own
 * {@link UnreadableRequestAnswers} and {@link UndecodableAddressAnswers} in front of the server's request handling.
 */
@Configuration(proxyBeanMethods = false)
class UnreadableRequestConfiguration {

    private static final String HANDLER = "accord.unreadableRequestAnswers";
    private static final String ADDRESS_HANDLER = "accord.undecodableAddressAnswers";

    @Bean
    NettyServerCustomizer unreadableRequestsAnswered(JsonMapper json, EdgeProperties edge) throws IOException {
        Map<String, String> headers = SecurityHeaders.onAnswersWrittenByTheServer(edge);
        byte[] pageNotFound = pageNotFound();
        return server -> server.doOnChannelInit((observer, channel, remote) -> {
            if (channel.pipeline().get(NettyPipeline.HttpTrafficHandler) != null) {
                channel.pipeline().addBefore(NettyPipeline.HttpTrafficHandler, HANDLER,
                        new UnreadableRequestAnswers(json, headers));
                channel.pipeline().addBefore(NettyPipeline.HttpTrafficHandler, ADDRESS_HANDLER,
                        new UndecodableAddressAnswers(json, headers, pageNotFound));
            }
        });
    }

    /** The web client's "Page not found", as a page of its own for an address the web client never gets to read. */
    private static byte[] pageNotFound() throws IOException {
        try (InputStream in = UnreadableRequestConfiguration.class.getResourceAsStream("page-not-found.html")) {
            if (in == null) {
                throw new IllegalStateException("page-not-found.html is missing beside "
                        + UnreadableRequestConfiguration.class.getName());
            }
            return in.readAllBytes();
        }
    }
}
