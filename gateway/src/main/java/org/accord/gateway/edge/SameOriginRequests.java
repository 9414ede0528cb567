package org.accord.gateway.edge;

import java.util.Locale;

import org.accord.gateway.problem.GatewayProblem;
import org.accord.gateway.problem.ProblemResponses;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A state-changing call on a browser session must come from the web client's own page. A page of another origin,
 * even one on the same host that can read the XSRF cookie, cannot make a browser hide where a call comes from: the
 * browser's own {@code Sec-Fetch-Site} verdict decides where it is sent, else the {@code Origin} must be the gateway's
 * public origin. A call that says neither is refused too, before anything else looks at it.
 */
public final class SameOriginRequests implements WebFilter {

    static final String FETCH_SITE = "Sec-Fetch-Site";

    private final ServerWebExchangeMatcher browserChanges;
    private final String publicOrigin;
    private final ProblemResponses problems;

    /** @param browserChanges the calls the rule is for: state-changing calls not authenticated by a bearer token */
    public SameOriginRequests(ServerWebExchangeMatcher browserChanges, EdgeProperties edge,
            ProblemResponses problems) {
        this.browserChanges = browserChanges;
        this.publicOrigin = edge.origin();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return browserChanges.matches(exchange)
                .flatMap(match -> !match.isMatch() || sameOrigin(exchange.getRequest().getHeaders())
                        ? chain.filter(exchange)
                        : problems.write(exchange, GatewayProblem.CROSS_ORIGIN_REFUSED));
    }

    private boolean sameOrigin(HttpHeaders headers) {
        String site = headers.getFirst(FETCH_SITE);
        if (site != null) {
            return site.trim().equalsIgnoreCase("same-origin");
        }
        String origin = headers.getFirst(HttpHeaders.ORIGIN);
        return origin != null && origin.trim().toLowerCase(Locale.ROOT).equals(publicOrigin);
    }
}
