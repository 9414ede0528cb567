package org.accord.notifications.inbox;

import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.accord.identity.AllianceUser;
import org.accord.support.id.InboxItemId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class InboxController {

    private final Inbox inbox;

    InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/api/notifications")
    InboxPage list(@RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, AllianceUser user) {
        return inbox.list(user, unread, page, size);
    }

    @GetMapping("/api/notifications/unread-count")
    Map<String, Long> unreadCount(AllianceUser user) {
        return Map.of("unread", inbox.unreadCount(user));
    }

    @PostMapping("/api/notifications/{id}/read")
    ResponseEntity<Void> markRead(@PathVariable InboxItemId id, AllianceUser user) {
        inbox.markRead(user, id.value());
        return ResponseEntity.noContent().build();
    }
}
