package org.accord.notifications.delivery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.accord.identity.AllianceUser;
import org.accord.support.id.DeliveryId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DeliveryLogController {

    private final DeliveryLog log;

    DeliveryLogController(DeliveryLog log) {
        this.log = log;
    }

    @GetMapping("/api/partners/{country}/deliveries")
    DeliveryPage list(@PathVariable String country, @RequestParam(required = false) DeliveryStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, AllianceUser user) {
        return log.list(user, country, status, page, size);
    }

    @PostMapping("/api/partners/{country}/deliveries/{id}/redrive")
    ResponseEntity<Void> redrive(@PathVariable String country, @PathVariable DeliveryId id, AllianceUser user) {
        log.redrive(user, country, id.value());
        return ResponseEntity.accepted().build();
    }
}
