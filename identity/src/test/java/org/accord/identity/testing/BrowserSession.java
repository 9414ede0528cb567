package org.accord.identity.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An HTTP client that behaves like a browser where logins depend on it: it keeps cookies (sending {@code Secure}
 * ones to localhost, as browsers treat localhost as a secure origin), follows redirects itself so a test can stop
 * at a redirect URI, and submits Keycloak's login form. It echoes the {@code XSRF-TOKEN} cookie in the
 * {@code X-XSRF-TOKEN} header on state-changing calls and sends them with the {@code Origin} of the page they are made
 * from (the address's own), as the web client does.
 */
public final class BrowserSession {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern ANY_FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");

    /** HTTP/1.1, as a browser speaks to a plain-http origin, keeping its connections open from call to call. */
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Cookie> cookies = new LinkedHashMap<>();

    record Cookie(String name, String value, String host, String path) {
    }

    public record Page(int status, URI uri, Map<String, List<String>> headers, String body) {
        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }
    }

    public Page get(String url) {
        return send("GET", URI.create(url), null, null, Map.of());
    }

    public Page send(String method, String url, String contentType, String body) {
        return send(method, URI.create(url), contentType, body, Map.of());
    }

    public Page sendJson(String method, String url, String json) {
        return send(method, URI.create(url), "application/json", json, Map.of());
    }

    public Optional<String> cookie(String name) {
        return cookies.values().stream().filter(c -> c.name().equals(name)).map(Cookie::value).findFirst();
    }

    /** Follows redirects from {@code url} until a page is shown or {@code stop} accepts the next location. */
    public Page follow(String url, Predicate<URI> stop) {
        URI uri = URI.create(url);
        Page page = send("GET", uri, null, null, Map.of());
        return followRedirects(page, stop);
    }

    public Page followRedirects(Page page, Predicate<URI> stop) {
        for (int hops = 0; hops < 20 && isRedirect(page.status()); hops++) {
            URI next = page.uri().resolve(page.header("Location").orElseThrow());
            if (stop.test(next)) {
                return new Page(page.status(), next, page.headers(), page.body());
            }
            page = send("GET", next, null, null, Map.of());
        }
        return page;
    }

    /**
     * On a Keycloak login page, fills in the username and password and submits, then follows the redirects (through
     * the broker, back to the client) until {@code stop} accepts a location or a page is shown.
     */
    public Page submitLogin(Page loginPage, String username, String password, Predicate<URI> stop) {
        Matcher form = LOGIN_FORM.matcher(loginPage.body());
        if (!form.find()) {
            throw new IllegalStateException("expected Keycloak's login form at " + loginPage.uri() + " (status "
                    + loginPage.status() + ")");
        }
        URI action = loginPage.uri().resolve(unescape(form.group(1)));
        Page after = send("POST", action, "application/x-www-form-urlencoded",
                formBody(Map.of("username", username, "password", password, "credentialId", "")), Map.of());
        Page landed = followRedirects(after, stop);
        if (landed.status() == 200 && LOGIN_FORM.matcher(landed.body()).find()) {
            throw new IllegalStateException("Keycloak refused the login of " + username);
        }
        if (landed.status() == 200 && ANY_FORM_ACTION.matcher(landed.body()).find()
                && landed.uri().getPath().contains("/login-actions/")) {
            throw new IllegalStateException("Keycloak stopped the login of " + username + " on " + landed.uri());
        }
        return landed;
    }

    Page send(String method, URI uri, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.header("Accept", "text/html,application/json,*/*");
        headers.forEach(request::header);
        String cookieHeader = cookiesFor(uri);
        if (!cookieHeader.isEmpty()) {
            request.header("Cookie", cookieHeader);
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            cookie("XSRF-TOKEN").ifPresent(token -> request.header("X-XSRF-TOKEN", token));
            if (!headers.containsKey("Origin")) {
                request.header("Origin", origin(uri));
            }
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            storeCookies(uri, response.headers().allValues("Set-Cookie"));
            return new Page(response.statusCode(), uri, response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends without the XSRF header, as a cross-site form or script would. */
    public Page sendWithoutXsrf(String method, String url, String contentType, String body) {
        Map<String, Cookie> saved = new LinkedHashMap<>(cookies);
        cookies.values().removeIf(c -> c.name().equals("XSRF-TOKEN"));
        try {
            return send(method, URI.create(url), contentType, body, Map.of());
        } finally {
            cookies.clear();
            cookies.putAll(saved);
        }
    }

    private String cookiesFor(URI uri) {
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        return cookies.values().stream()
                .filter(c -> c.host().equalsIgnoreCase(uri.getHost()) && path.startsWith(c.path()))
                .map(c -> c.name() + "=" + c.value())
                .collect(Collectors.joining("; "));
    }

    private void storeCookies(URI uri, List<String> setCookies) {
        for (String header : setCookies) {
            String[] parts = header.split(";");
            int eq = parts[0].indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = parts[0].substring(0, eq).trim();
            String value = parts[0].substring(eq + 1).trim();
            String path = "/";
            boolean expired = value.isEmpty();
            for (int i = 1; i < parts.length; i++) {
                String attribute = parts[i].trim();
                String lower = attribute.toLowerCase();
                if (lower.startsWith("path=")) {
                    path = attribute.substring(5);
                } else if (lower.equals("max-age=0") || lower.startsWith("expires=thu, 01 jan 1970")
                        || lower.startsWith("expires=thu, 01-jan-1970")) {
                    expired = true;
                }
            }
            String key = name + "|" + uri.getHost() + "|" + path;
            if (expired) {
                cookies.remove(key);
            } else {
                cookies.put(key, new Cookie(name, value, uri.getHost(), path));
            }
        }
    }

    /** The origin a page of this address has, as a browser sends it with the page's state-changing calls. */
    public static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    public static String formBody(Map<String, String> fields) {
        List<String> pairs = new ArrayList<>();
        fields.forEach((k, v) -> pairs.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&#x3D;", "=").replace("&#61;", "=").replace("&quot;", "\"");
    }
}
