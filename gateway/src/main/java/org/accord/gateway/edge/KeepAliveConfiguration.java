package org.accord.gateway.edge;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps kept-alive browser and client connections reading. Reactor Netty's server (1.3.x) queues a request that
 * arrives on a kept-alive connection before the previous answer's handling has fully ended, and after draining that
 * queue it stops reading the connection: the client's next request on it waits until the client gives up. Finishing
 * each answer's last write at once avoids the queue. The setting is read once, when the server handles its first
 * connection, hence set here, before the server starts.
 */
@Configuration(proxyBeanMethods = false)
class KeepAliveConfiguration {

    static final String LAST_FLUSH_WHEN_NO_READ = "reactor.netty.http.server.lastFlushWhenNoRead";

    @Bean
    NettyServerCustomizer keepAliveConnectionsReading() {
        System.setProperty(LAST_FLUSH_WHEN_NO_READ, "true");
        return server -> server;
    }
}
