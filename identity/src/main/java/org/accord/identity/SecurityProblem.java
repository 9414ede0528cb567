package org.accord.identity;

import java.nio.charset.StandardCharsets;

/** The two security refusals, worded once for the services and the gateway. */
public enum SecurityProblem {
    UNAUTHENTICATED(401, "https://accord.example/problems/unauthenticated", "Sign-in required",
            "A valid access token from the alliance realm is required."),
    FORBIDDEN(403, "https://accord.example/problems/forbidden", "Not allowed",
            "Your country or role does not allow this.");

    private final int status;
    private final String type;
    private final String title;
    private final String detail;

    SecurityProblem(int status, String type, String title, String detail) {
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    public byte[] json(String instance) {
        return json(instance, null);
    }

    /** With the id under which the refused request is logged, when there is one, so it can be found. */
    public byte[] json(String instance, String requestId) {
        String correlation = requestId == null ? "" : ",\"requestId\":\"" + escape(requestId) + "\"";
        return ("{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                + detail + "\",\"instance\":\"" + escape(instance) + "\"" + correlation + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
