package org.accord.gateway.operations;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where each service's OpenAPI document is found through the gateway (routes {@code /api/docs/<service>}). */
@RestController
class ApiDocsController {

    private static final List<String> SERVICES = List.of("cases", "tasks", "notifications");

    @GetMapping("/api/docs")
    ApiDocuments index() {
        return new ApiDocuments(SERVICES.stream().map(name -> new ApiDocument(name, "/api/docs/" + name)).toList());
    }

    record ApiDocuments(List<ApiDocument> documents) {
    }

    record ApiDocument(String service, String url) {
    }
}
