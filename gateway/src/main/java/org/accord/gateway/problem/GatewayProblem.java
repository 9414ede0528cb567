package org.accord.gateway.problem;

import org.accord.identity.ProblemKind;

/** The problems the gateway itself answers with, each with a stable {@code type}. */
public enum GatewayProblem {
    NOT_FOUND(404, "not-found", "Not found", "There is nothing at this address."),
    CSRF_REFUSED(403, "csrf", "Missing or invalid XSRF token",
            "A state-changing browser request must echo the XSRF-TOKEN cookie in the X-XSRF-TOKEN header."),
    CROSS_ORIGIN_REFUSED(403, "cross-origin", "Request from another origin",
            "A state-changing browser request must come from the platform's own pages."),
    BODY_NOT_ALLOWED(400, "body-not-allowed", "Body not allowed",
            "A GET, HEAD, DELETE or OPTIONS request carries no body."),
    REQUEST_TIMEOUT(408, "request-timeout", "Request body incomplete",
            "The request body stopped arriving before its end; the connection is closed."),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type",
            "This address takes a request body only in the media types its Accept or Accept-Patch header lists."),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large",
            "The request body is larger than the platform accepts."),
    REQUEST_LINE_TOO_LONG(414, "request-line-too-long", "Request line too long",
            "The request line (method, address and version) is longer than the platform reads; the connection is "
                    + "closed."),
    HEADER_FIELDS_TOO_LARGE(431, "header-fields-too-large", "Request header fields too large",
            "The request's header fields are larger than the platform reads; the connection is closed."),
    AMBIGUOUS_FRAMING(400, "ambiguous-framing", "Request body framed more than one way",
            "A request says where its body ends with Content-Length or, in HTTP/1.1, with Transfer-Encoding: "
                    + "chunked, never both; where this one ends is unknown, so the connection is closed."),
    MALFORMED_REQUEST(400, "malformed-request", "Malformed request",
            "The request line or header fields are not HTTP/1.1 as the platform reads it; the connection is closed."),
    MALFORMED_ADDRESS(400, "malformed-address", "Malformed address",
            "The request's address holds a percent-escape or a character a URI cannot hold; it names nothing."),
    TOO_MANY_REQUESTS(429, "rate-limited", "Too many requests",
            "Too many requests in a short time; try again after the number of seconds in Retry-After."),
    INTERNAL_ERROR(500, "internal-error", "Internal error", "The request could not be completed."),
    BAD_GATEWAY(502, "bad-gateway", "Bad gateway", "The service behind this address gave no usable answer."),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Service unavailable",
            "The service behind this address cannot be reached right now; try again shortly."),
    GATEWAY_TIMEOUT(504, "gateway-timeout", "Gateway timeout",
            "The service behind this address did not answer in time.");

    private final ProblemKind kind;

    GatewayProblem(int status, String slug, String title, String detail) {
        this.kind = ProblemKind.of(status, slug, title, detail);
    }

    public ProblemKind kind() {
        return kind;
    }
}
