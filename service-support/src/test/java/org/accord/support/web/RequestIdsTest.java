package org.accord.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class RequestIdsTest {

    private static final String UUID_FORM = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @AfterEach
    void forgetTheId() {
        MDC.remove(RequestIds.LOG_KEY);
    }

    @Test
    void aShortPlainIdIsKept() {
        assertThat(RequestIds.keepOrCreate("0d4c2b1e-5f7a-4c1e-9d3b-2a6f8e4c7b10"))
                .isEqualTo("0d4c2b1e-5f7a-4c1e-9d3b-2a6f8e4c7b10");
        assertThat(RequestIds.keepOrCreate("partner.call_42-a")).isEqualTo("partner.call_42-a");
        assertThat(RequestIds.keepOrCreate("x".repeat(64))).isEqualTo("x".repeat(64));
    }

    @Test
    void anythingElseIsReplacedByANewId() {
        for (String offered : new String[] { null, "", "x".repeat(65), "two words", "id\nforged log line",
                "<script>", "caf\u00e9" }) {
            assertThat(RequestIds.keepOrCreate(offered)).as(String.valueOf(offered)).matches(UUID_FORM);
        }
    }

    @Test
    void workHandedToAnotherThreadRunsUnderTheIdOfTheRequestThatHandedItOver() {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            MDC.put(RequestIds.LOG_KEY, "handed-over");
            String seen = CompletableFuture.supplyAsync(() -> MDC.get(RequestIds.LOG_KEY),
                    RequestIds.carrying(pool)).join();
            MDC.remove(RequestIds.LOG_KEY);
            String afterwards = CompletableFuture.supplyAsync(() -> String.valueOf(MDC.get(RequestIds.LOG_KEY)),
                    pool).join();

            assertThat(seen).isEqualTo("handed-over");
            assertThat(afterwards).as("the pool's thread does not keep it").isEqualTo("null");
        } finally {
            pool.shutdownNow();
        }
    }
}
