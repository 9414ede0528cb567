package org.accord.notifications.partners;

import jakarta.validation.Valid;

import org.accord.identity.AllianceUser;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PartnerController {

    private final Partners partners;

    PartnerController(Partners partners) {
        this.partners = partners;
    }

    @GetMapping("/api/partners/{country}")
    PartnerSettingsView get(@PathVariable String country, AllianceUser user) {
        return partners.get(user, country);
    }

    @PutMapping("/api/partners/{country}")
    PartnerSettingsView replace(@PathVariable String country, @Valid @RequestBody PartnerSettingsRequest request,
            AllianceUser user) {
        return partners.replace(user, country, request);
    }

    /** The new secret is in this answer only; it must not linger in any cache on the way. */
    @PostMapping("/api/partners/{country}/webhook-secret")
    ResponseEntity<NewWebhookSecret> rotateSecret(@PathVariable String country, AllianceUser user) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(partners.rotateSecret(user, country));
    }
}
