package org.accord.gateway.login;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Remembers, in the web session, the web client page a signed-out browser asked for, so the sign-in ends there
 * instead of on the case list. Only a browser's own navigation to one of the client's page addresses counts: never an
 * API call, a script's fetch, a form post or any other address, and the remembered value is always a path on this
 * host, so no crafted link can send someone elsewhere after signing in. The page is handed out once.
 */
public final class RequestedPage implements ServerRequestCache {

    static final String ATTRIBUTE = RequestedPage.class.getName();

    /** Plain path segments only: no empty, dot or encoded-separator segments a browser might resolve elsewhere. */
    private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9_~!$&'()*+,;=:@.%-]+)+/?");
    private static final Pattern SAFE_QUERY = Pattern.compile("[A-Za-z0-9_~!$&'()*+,;=:@.%/?-]*");

    private final List<PathPattern> pages;

    public RequestedPage(List<String> pageAddresses) {
        this.pages = pageAddresses.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public Mono<Void> saveRequest(ServerWebExchange exchange) {
        return pageAsked(exchange.getRequest())
                .map(page -> exchange.getSession().doOnNext(session -> session.getAttributes().put(ATTRIBUTE, page))
                        .then())
                .orElseGet(Mono::empty);
    }

    /** The remembered page, taken out of the session: the sign-in that lands there uses it up. */
    @Override
    public Mono<URI> getRedirectUri(ServerWebExchange exchange) {
        return exchange.getSession()
                .mapNotNull(session -> session.getAttributes().remove(ATTRIBUTE))
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .filter(RequestedPage::isLocalAddress)
                .map(URI::create);
    }

    /** The page is not replayed as a request; the browser simply navigates to it again. */
    @Override
    public Mono<ServerHttpRequest> removeMatchingRequest(ServerWebExchange exchange) {
        return Mono.empty();
    }

    private Optional<String> pageAsked(ServerHttpRequest request) {
        if (!HttpMethod.GET.equals(request.getMethod()) || !isPageNavigation(request)
                || pages.stream().noneMatch(page -> page.matches(request.getPath().pathWithinApplication()))) {
            return Optional.empty();
        }
        String query = request.getURI().getRawQuery();
        String page = request.getPath().value() + (query == null || query.isEmpty() ? "" : "?" + query);
        return isLocalAddress(page) ? Optional.of(page) : Optional.empty();
    }

    /**
     * A browser asks for a document when the user follows a link or types an address; scripts and sub-resources
     * announce themselves through the fetch metadata headers or by not accepting HTML.
     */
    private static boolean isPageNavigation(ServerHttpRequest request) {
        String mode = request.getHeaders().getFirst("Sec-Fetch-Mode");
        String destination = request.getHeaders().getFirst("Sec-Fetch-Dest");
        if (mode != null && !mode.equalsIgnoreCase("navigate")
                || destination != null && !destination.equalsIgnoreCase("document")
                || request.getHeaders().containsHeader("X-Requested-With")) {
            return false;
        }
        try {
            return request.getHeaders().getAccept().stream()
                    .anyMatch(type -> type.equalsTypeAndSubtype(MediaType.TEXT_HTML));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** A path on this host with an optional query: no scheme, no host, nothing that climbs out of its segments. */
    static boolean isLocalAddress(String address) {
        int question = address.indexOf('?');
        String path = question < 0 ? address : address.substring(0, question);
        String query = question < 0 ? "" : address.substring(question + 1);
        if (!SAFE_PATH.matcher(path).matches() || !SAFE_QUERY.matcher(query).matches()) {
            return false;
        }
        String lowerPath = path.toLowerCase(Locale.ROOT);
        if (lowerPath.contains("/./") || lowerPath.contains("/../") || lowerPath.endsWith("/.")
                || lowerPath.endsWith("/..") || lowerPath.contains("%2f") || lowerPath.contains("%5c")
                || lowerPath.contains("%2e")) {
            return false;
        }
        try {
            URI uri = new URI(address);
            return uri.getScheme() == null && uri.getRawAuthority() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
