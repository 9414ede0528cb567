package org.accord.cases.sharing;

import org.accord.support.text.SingleLine;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code PUT /api/cases/{id}/sharing}: the whole new audience of the case. */
public record SharingChange(
        @NotNull Tlp tlp,
        @Size(max = 50) List<@NotNull @Valid SharingEntry> sharedWith,
        @Size(max = 100) List<@NotBlank @Size(max = 255) @SingleLine @MemberUser String> namedRecipients) {

    public SharingChange {
        sharedWith = sharedWith == null ? List.of() : sharedWith;
        namedRecipients = namedRecipients == null ? List.of() : namedRecipients;
    }
}
