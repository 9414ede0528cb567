package org.accord.gateway.edge;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.accord.gateway.webclient.GatewayPages;
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
    NettyServerCustomizer unreadableRequestsAnswered(JsonMapper json, EdgeProperties edge) {
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
    private static byte[] pageNotFound() {
        return GatewayPages.page("Not found", """
                  <header class="bar">
                    <a class="brand" href="/cases">Accord</a>
                  </header>
                  <main id="view">
                    <h1>Page not found</h1>
                    <p>There is nothing at this address. <a href="/cases">Go to the cases</a></p>
                  </main>
                """).getBytes(StandardCharsets.UTF_8);
    }
}
