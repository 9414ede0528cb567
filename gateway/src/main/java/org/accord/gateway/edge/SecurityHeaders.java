package org.accord.gateway.edge;

import java.util.LinkedHashMap;
import java.util.Map;

/** The security headers every answer of the gateway carries, also those its server writes without the application. */
public final class SecurityHeaders {

    /** What a browser may load and run on the platform's pages. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private SecurityHeaders() {
    }

    /** The headers the security configuration gives the application's answers, for an answer written without it. */
    static Map<String, String> onAnswersWrittenByTheServer(EdgeProperties edge) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "same-origin");
        headers.put("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        if (edge.https()) {
            headers.put("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        return headers;
    }
}
