package org.accord.gateway.edge;

import java.util.Map;

import reactor.netty.NettyPipeline;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

/**
 * Requests the server refuses before the application sees them are answered as problems too: each HTTP/1.1
 * connection gets its own {@link UnreadableRequestAnswers} in front of the server's request handling.
 */
@Configuration(proxyBeanMethods = false)
class UnreadableRequestConfiguration {

    private static final String HANDLER = "accord.unreadableRequestAnswers";

    @Bean
    NettyServerCustomizer unreadableRequestsAnswered(JsonMapper json, EdgeProperties edge) {
        Map<String, String> headers = SecurityHeaders.onAnswersWrittenByTheServer(edge);
        return server -> server.doOnChannelInit((observer, channel, remote) -> {
            if (channel.pipeline().get(NettyPipeline.HttpTrafficHandler) != null) {
                channel.pipeline().addBefore(NettyPipeline.HttpTrafficHandler, HANDLER,
                        new UnreadableRequestAnswers(json, headers));
            }
        });
    }
}
