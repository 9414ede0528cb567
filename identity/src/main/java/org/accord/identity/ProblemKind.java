package org.accord.identity;

import java.nio.charset.StandardCharsets;

/**
 * A kind of problem the platform answers with ({@code application/problem+json}, RFC 9457): its status, its stable
 * {@code type}, its title and what it says to the caller. The services' security refusals and the gateway's own
 * problems are all of this kind.
 */
public record ProblemKind(int status, String type, String title, String detail) {

    private static final String TYPE_BASE = "https://accord.example/problems/";

    /** A problem of the platform's own, its type {@code https://accord.example/problems/<slug>}. */
    public static ProblemKind of(int status, String slug, String title, String detail) {
        return new ProblemKind(status, TYPE_BASE + slug, title, detail);
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
