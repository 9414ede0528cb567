package org.accord.gateway.edge;

import org.accord.gateway.correlation.RequestIds;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;

import org.accord.gateway.problem.GatewayProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a request whose address is no URI (a broken percent-escape, say) as what it is: a browser opening such a
 * link gets the web client's "Page not found", anything else the gateway's problem. The web framework refuses such an
 * address before the application sees it, with a bare 400; this handler notes each request as it passes, in order,
 * and replaces that bare answer when it passes back. One instance per connection.
 */
final class UndecodableAddressAnswers extends ChannelDuplexHandler {

    private static final Logger log = LoggerFactory.getLogger(UndecodableAddressAnswers.class);

    /** What the server's answer to a request passed on is replaced with, in the order the answers are owed. */
    private enum Replacement {
        NONE, PAGE_NOT_FOUND, PROBLEM
    }

    private final JsonMapper json;
    private final Map<String, String> securityHeaders;
    private final byte[] pageNotFound;
    private final Deque<Replacement> owed = new ArrayDeque<>();
    private boolean informational;

    UndecodableAddressAnswers(JsonMapper json, Map<String, String> securityHeaders, byte[] pageNotFound) {
        this.json = json;
        this.securityHeaders = securityHeaders;
        this.pageNotFound = pageNotFound;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest request && request.decoderResult().isSuccess()) {
            owed.add(replacementFor(request));
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof HttpResponse response) {
            informational = response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
            Replacement replacement = owed.peek();
            if (!informational && replacement != null && replacement != Replacement.NONE
                    && msg instanceof FullHttpResponse refused && isTheBareRefusal(refused)) {
                owed.poll();
                FullHttpResponse answer = answer(replacement);
                String connection = refused.headers().get(HttpHeaderNames.CONNECTION);
                if (connection != null) {
                    answer.headers().set(HttpHeaderNames.CONNECTION, connection);
                }
                refused.release();
                super.write(ctx, answer, promise);
                return;
            }
        }
        if (msg instanceof LastHttpContent && !informational) {
            owed.poll();
        }
        super.write(ctx, msg, promise);
    }

    private static boolean isTheBareRefusal(FullHttpResponse response) {
        return response.status().equals(HttpResponseStatus.BAD_REQUEST) && response.content().readableBytes() == 0;
    }

    /** The framework reads the address as a URI; one that is none gets an answer of ours. */
    static Replacement replacementFor(HttpRequest request) {
        try {
            new URI(request.uri());
            return Replacement.NONE;
        } catch (URISyntaxException notAUri) {
            return isPageRequest(request) ? Replacement.PAGE_NOT_FOUND : Replacement.PROBLEM;
        }
    }

    /** A browser opening a page: a GET outside the API that asks for a document. */
    private static boolean isPageRequest(HttpRequest request) {
        String target = request.uri();
        boolean api = target.equals("/api") || target.startsWith("/api/") || target.startsWith("/api?");
        String accept = request.headers().get(HttpHeaderNames.ACCEPT, "");
        boolean document = accept.contains("text/html")
                || "document".equalsIgnoreCase(request.headers().get("Sec-Fetch-Dest"));
        return request.method().equals(HttpMethod.GET) && !api && document;
    }

    private FullHttpResponse answer(Replacement replacement) {
        String requestId = UUID.randomUUID().toString();
        log.info("Answered a request whose address is no URI ({}) with {}", requestId, replacement);
        if (replacement == Replacement.PROBLEM) {
            return UnreadableRequestAnswers.problemAnswer(json, securityHeaders, GatewayProblem.MALFORMED_ADDRESS,
                    requestId);
        }
        FullHttpResponse page = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_FOUND,
                Unpooled.wrappedBuffer(pageNotFound));
        page.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/html;charset=UTF-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, pageNotFound.length)
                .set(RequestIds.HEADER, requestId);
        securityHeaders.forEach(page.headers()::set);
        return page;
    }
}
