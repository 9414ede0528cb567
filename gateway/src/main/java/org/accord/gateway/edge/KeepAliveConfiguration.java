package org.accord.gateway.edge;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps kept-alive browser and client connections reading. Reactor Netty's server (1.3.x) queues a request that
 * arrives on a kept-alive connection before the previous answer's handling has fully ended, and after draining that
 * queue it stops reading the connection: the client's next request on it waits until the client gives up. Finishing
 * each answer's last write at once avoids the queue. Reactor Netty reads the setting once, when its classes load, so
 * the application sets it first thing in {@code main}; the bean covers contexts started without {@code main}.
 */
@Configuration(proxyBeanMethods = false)
public class KeepAliveConfiguration {

    static final String LAST_FLUSH_WHEN_NO_READ = "reactor.netty.http.server.lastFlushWhenNoRead";

    /** Sets the switch unless the operator chose otherwise; call before any Reactor Netty class loads. */
    public static void keepConnectionsReading() {
        if (System.getProperty(LAST_FLUSH_WHEN_NO_READ) == null) {
            System.setProperty(LAST_FLUSH_WHEN_NO_READ, "true");
        }
    }

    @Bean
    NettyServerCustomizer keepAliveConnectionsReading() {
        keepConnectionsReading();
        return server -> server;
    }
}
