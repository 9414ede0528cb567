package org.accord.notifications.delivery;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What one attempt came to as a partner's liaisons see it in the delivery log: a code from a small fixed set and the
 * fixed sentence that goes with it. The particulars (the socket error, host and port, the TLS error, the server's own
 * words) go to the service's log only, so that the delivery log cannot be used to find out what answers where on the
 * platform's network.
 */
public record AttemptResult(String code, String sentence) {

    public static final AttemptResult CONNECTION_FAILED = new AttemptResult("CONNECTION_FAILED",
            "The webhook could not be reached, or the connection ended before an HTTP answer.");
    public static final AttemptResult TIMED_OUT = new AttemptResult("TIMED_OUT",
            "The webhook did not answer in time.");
    public static final AttemptResult TLS_FAILED = new AttemptResult("TLS_FAILED",
            "The webhook's TLS certificate was not accepted: not trusted, expired or not for the host named.");
    public static final AttemptResult ADDRESS_NOT_ALLOWED = new AttemptResult("ADDRESS_NOT_ALLOWED",
            "The webhook's host did not resolve to public addresses only, so nothing was sent.");
    public static final AttemptResult NO_WEBHOOK = new AttemptResult("NO_WEBHOOK",
            "No webhook is set, or it was disabled after answering 410 Gone.");
    public static final AttemptResult NO_WEBHOOK_SECRET = new AttemptResult("NO_WEBHOOK_SECRET",
            "No webhook secret is set; a liaison rotates one to have webhooks signed.");
    public static final AttemptResult MAIL_ACCEPTED = new AttemptResult("MAIL_ACCEPTED",
            "The mail server accepted the message.");
    public static final AttemptResult MAIL_DEFERRED = new AttemptResult("MAIL_DEFERRED",
            "The mail server asked to try again later.");
    public static final AttemptResult MAIL_REFUSED = new AttemptResult("MAIL_REFUSED",
            "The mail server refused the message.");
    public static final AttemptResult MAIL_UNREACHABLE = new AttemptResult("MAIL_UNREACHABLE",
            "The mail server could not be reached.");
    public static final AttemptResult NO_EMAIL_ADDRESSES = new AttemptResult("NO_EMAIL_ADDRESSES",
            "The partner inbox has no e-mail addresses.");
    public static final AttemptResult MESSAGE_UNUSABLE = new AttemptResult("MESSAGE_UNUSABLE",
            "The message could not be made.");
    public static final AttemptResult SEND_FAILED = new AttemptResult("SEND_FAILED",
            "The platform could not make the attempt.");
    /** An attempt recorded before attempts were classified: its particulars were never shown. */
    public static final AttemptResult NOT_CLASSIFIED = new AttemptResult("NOT_CLASSIFIED",
            "Recorded before outcomes were classified.");

    private static final Pattern HTTP = Pattern.compile("HTTP_([1-5][0-9][0-9])");

    private static final Map<String, AttemptResult> FIXED = Stream.of(CONNECTION_FAILED, TIMED_OUT, TLS_FAILED,
            ADDRESS_NOT_ALLOWED, NO_WEBHOOK, NO_WEBHOOK_SECRET, MAIL_ACCEPTED, MAIL_DEFERRED, MAIL_REFUSED,
            MAIL_UNREACHABLE, NO_EMAIL_ADDRESSES, MESSAGE_UNUSABLE, SEND_FAILED, NOT_CLASSIFIED)
            .collect(Collectors.toUnmodifiableMap(AttemptResult::code, Function.identity()));

    /** The webhook's HTTP answer, by its status code alone: never the reason phrase or body the server chose. */
    public static AttemptResult http(int status) {
        if (status < 100 || status > 599) {
            return CONNECTION_FAILED;
        }
        String sentence = "The webhook answered HTTP " + status + ".";
        if (status >= 300 && status < 400) {
            sentence = "The webhook answered HTTP " + status + "; redirects are not followed.";
        }
        return new AttemptResult("HTTP_" + status, sentence);
    }

    /** The result a stored code stands for; a code this version does not know, or none, is not classified. */
    static AttemptResult of(String code) {
        if (code == null) {
            return NOT_CLASSIFIED;
        }
        var http = HTTP.matcher(code);
        return http.matches() ? http(Integer.parseInt(http.group(1))) : FIXED.getOrDefault(code, NOT_CLASSIFIED);
    }
}
