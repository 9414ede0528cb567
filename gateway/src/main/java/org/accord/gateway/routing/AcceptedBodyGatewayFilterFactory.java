package org.accord.gateway.routing;

import java.util.List;
import java.util.Set;

import org.accord.gateway.problem.GatewayProblem;
import org.accord.gateway.problem.ProblemResponses;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * {@code AcceptedBody}: the media types a route takes a request body in ({@code media-types}, and for {@code PATCH}
 * {@code patch-media-types} where it differs). A {@code POST}, {@code PUT} or {@code PATCH} with a body of any other
 * type, or with a body and no type, is answered {@code 415} before it is counted, relayed or sent to a service, with
 * the types it takes in {@code Accept} (for {@code PATCH} {@code Accept-Patch}). A call without a body passes unless it
 * names a type the route does not take.
 */
@Component
public final class AcceptedBodyGatewayFilterFactory
        extends AbstractGatewayFilterFactory<AcceptedBodyGatewayFilterFactory.Config> {

    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private final ProblemResponses problems;

    AcceptedBodyGatewayFilterFactory(ProblemResponses problems) {
        super(Config.class);
        this.problems = problems;
    }

    @Override
    public GatewayFilter apply(Config config) {
        List<MediaType> types = MediaType.parseMediaTypes(config.getMediaTypes());
        List<MediaType> patchTypes = config.getPatchMediaTypes().isEmpty() ? types
                : MediaType.parseMediaTypes(config.getPatchMediaTypes());
        return new OrderedGatewayFilter((exchange, chain) -> {
            ServerHttpRequest request = exchange.getRequest();
            if (!WITH_BODY.contains(request.getMethod())) {
                return chain.filter(exchange);
            }
            boolean patch = HttpMethod.PATCH.equals(request.getMethod());
            List<MediaType> accepted = patch ? patchTypes : types;
            if (takes(request.getHeaders(), accepted)) {
                return chain.filter(exchange);
            }
            exchange.getResponse().getHeaders().set(patch ? "Accept-Patch" : HttpHeaders.ACCEPT,
                    MediaType.toString(accepted));
            return problems.write(exchange, GatewayProblem.UNSUPPORTED_MEDIA_TYPE);
        }, Ordered.HIGHEST_PRECEDENCE);
    }

    private static boolean takes(HttpHeaders headers, List<MediaType> accepted) {
        String declared = headers.getFirst(HttpHeaders.CONTENT_TYPE);
        if (declared == null) {
            return headers.getContentLength() <= 0;
        }
        try {
            MediaType type = MediaType.parseMediaType(declared);
            return accepted.stream().anyMatch(type::equalsTypeAndSubtype);
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }

    public static final class Config {

        private List<String> mediaTypes = List.of(MediaType.APPLICATION_JSON_VALUE);
        private List<String> patchMediaTypes = List.of();

        public List<String> getMediaTypes() {
            return mediaTypes;
        }

        public void setMediaTypes(List<String> mediaTypes) {
            this.mediaTypes = mediaTypes;
        }

        public List<String> getPatchMediaTypes() {
            return patchMediaTypes;
        }

        public void setPatchMediaTypes(List<String> patchMediaTypes) {
            this.patchMediaTypes = patchMediaTypes;
        }
    }
}
