package org.accord.notifications.partners;

import org.accord.support.text.SingleLine;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A country's partner inbox settings as its liaisons send them; the whole set is replaced. */
record PartnerSettingsRequest(
        @NotNull @Size(max = 20) List<@NotBlank @Size(max = 254) @SingleLine @Email(message = "must be an e-mail address")
                @Pattern(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an e-mail address") String> emails,
        @Size(max = 2000) @SingleLine String webhookUrl,
        @NotNull @Size(max = 20) List<@NotNull PartnerEventType> events,
        @NotNull DeliveryMode deliveryMode) {
}
