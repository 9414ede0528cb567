package org.accord.gateway.edge;

import org.accord.gateway.correlation.RequestIds;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.ContentLengthNotAllowedException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.codec.http.TransferEncodingNotAllowedException;

import org.accord.gateway.problem.GatewayProblem;
import org.accord.identity.ProblemKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;

import tools.jackson.databind.json.JsonMapper;

/**
 * Gives a request whose head the server could not read (a request line or header fields too long, a line that is
 * not HTTP, a body framed both by length and in chunks) the gateway's problem instead of the server's empty answer.
 * Such a request never reaches the application: the server answers it itself, after any answers still owed on the
 * connection, and closes the connection, since where the request ends is unknown. This handler sits between the
 * server's codec and its own handling, notes the failure as the request passes, and fills the server's answer when
 * it passes back. One instance per connection.
 */
final class UnreadableRequestAnswers extends ChannelDuplexHandler {

    private static final Logger log = LoggerFactory.getLogger(UnreadableRequestAnswers.class);

    private final JsonMapper json;
    private final Map<String, String> securityHeaders;
    /** Requests read and passed on whose answer has not been written yet. */
    private int owed;
    private boolean informational;
    private GatewayProblem unreadable;

    UnreadableRequestAnswers(JsonMapper json, Map<String, String> securityHeaders) {
        this.json = json;
        this.securityHeaders = securityHeaders;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (unreadable == null && msg instanceof HttpRequest request) {
            if (request.decoderResult().isFailure()) {
                unreadable = problemFor(request.decoderResult().cause());
            } else {
                owed++;
            }
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof HttpResponse response) {
            informational = response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
            if (unreadable != null && owed == 0 && isTheServersOwnAnswer(msg)) {
                FullHttpResponse answer = answer(unreadable);
                ((FullHttpResponse) msg).release();
                unreadable = null;
                super.write(ctx, answer, promise);
                return;
            }
        }
        if (msg instanceof LastHttpContent && !informational && owed > 0) {
            owed--;
        }
        super.write(ctx, msg, promise);
    }

    /** The server answers an unreadable request with its status alone: no body, and the connection closing. */
    private boolean isTheServersOwnAnswer(Object msg) {
        return msg instanceof FullHttpResponse response && response.content().readableBytes() == 0
                && response.status().code() == unreadable.kind().status()
                && response.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true);
    }

    private FullHttpResponse answer(GatewayProblem problem) {
        String requestId = UUID.randomUUID().toString();
        log.info("Refused a request the server could not read ({}): {}", requestId, problem.kind().title());
        FullHttpResponse answer = problemAnswer(json, securityHeaders, problem, requestId);
        answer.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return answer;
    }

    /** A problem written without the application, with its request id and the security headers. */
    static FullHttpResponse problemAnswer(JsonMapper json, Map<String, String> securityHeaders,
            GatewayProblem problem, String requestId) {
        ProblemKind kind = problem.kind();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", kind.type());
        body.put("title", kind.title());
        body.put("status", kind.status());
        body.put("detail", kind.detail());
        body.put(RequestIds.LOG_KEY, requestId);
        byte[] bytes = json.writeValueAsBytes(body);
        FullHttpResponse answer = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(kind.status()), Unpooled.wrappedBuffer(bytes));
        answer.headers().set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length)
                .set(RequestIds.HEADER, requestId);
        securityHeaders.forEach(answer.headers()::set);
        return answer;
    }

    /** The server answers 414 and 431 for heads too large and 400 for the rest, as these problems say. */
    static GatewayProblem problemFor(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TooLongHttpLineException) {
                return GatewayProblem.REQUEST_LINE_TOO_LONG;
            }
            if (cause instanceof TooLongHttpHeaderException) {
                return GatewayProblem.HEADER_FIELDS_TOO_LARGE;
            }
            if (cause instanceof ContentLengthNotAllowedException
                    || cause instanceof TransferEncodingNotAllowedException) {
                return GatewayProblem.AMBIGUOUS_FRAMING;
            }
        }
        return GatewayProblem.MALFORMED_REQUEST;
    }
}
