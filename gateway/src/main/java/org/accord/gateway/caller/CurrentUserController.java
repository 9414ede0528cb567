package org.accord.gateway.caller;

import java.util.List;

import org.accord.identity.AllianceUser;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/** Who the platform takes the caller for: what the web client shows and what partner systems can check. */
@RestController
class CurrentUserController {

    @GetMapping("/api/me")
    CurrentUser me(@RequestAttribute(CallerWebFilter.CALLER_ATTRIBUTE) AllianceUser caller) {
        return new CurrentUser(caller.subject(), caller.username(), caller.country(),
                caller.roles().stream().sorted().toList());
    }

    /** Exactly the contract's fields, without the convenience accessors of {@link AllianceUser}. */
    record CurrentUser(String subject, String username, String country, List<String> roles) {
    }
}
