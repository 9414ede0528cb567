package org.accord.gateway.edge;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import reactor.netty.ConnectionObserver;
import reactor.netty.channel.ChannelOperations;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps kept-alive browser and client connections reading. Reactor Netty's server (1.3.6) reads a connection only when
 * asked to, and queues a call that arrives while the previous one is still being answered. When it works off that
 * queue and the queued call is answered at once, before its body or even the end of its head has been taken from the
 * queue (every early answer: a refusal, a missing address, a body too large), it empties the queue without asking to
 * read again: the caller's next call on that connection is never read, and the caller waits until it gives up.
 * <p>
 * So after every exchange on a connection, once the server has worked off its queue, the connection is asked to read
 * on unless a call is still being answered. A connection that already reads is unaffected.
 */
@Configuration(proxyBeanMethods = false)
class KeepAliveConfiguration {

    @Bean
    NettyServerCustomizer keepAliveConnectionsReading() {
        return server -> server.childObserve((connection, state) -> {
            if (state == ConnectionObserver.State.DISCONNECTING) {
                readOnAfterQueue(connection.channel());
            }
        });
    }

    /**
     * Runs after the server's own work on the queue: on the connection's event loop, tasks run in the order they were
     * given, and the server has given its task by the time an exchange ends there; an exchange ending elsewhere
     * reaches the event loop as a task of its own first, hence one hop more.
     */
    private static void readOnAfterQueue(Channel channel) {
        EventLoop loop = channel.eventLoop();
        if (loop.inEventLoop()) {
            loop.execute(() -> readOnIfIdle(channel));
        } else {
            loop.execute(() -> loop.execute(() -> readOnIfIdle(channel)));
        }
    }

    private static void readOnIfIdle(Channel channel) {
        if (channel.isActive() && ChannelOperations.get(channel) == null) {
            channel.read();
        }
    }
}
