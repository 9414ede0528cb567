package org.accord.deploy;

import java.net.http.HttpResponse;

/** A benchmark stops at the first answer it did not expect, saying which call it was and what came back. */
final class BenchmarkAnswers {

    private BenchmarkAnswers() {
    }

    static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri()
                    + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }
}
