package org.accord.cases.casefile;

import java.util.List;

import org.accord.cases.sharing.MemberUser;
import org.accord.cases.sharing.SharingEntry;
import org.accord.cases.sharing.Tlp;
import org.accord.support.text.MultiLine;
import org.accord.support.text.SingleLine;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/cases}. Status, origin and owners are not the caller's to set. */
record NewCase(
        @NotBlank @Size(max = 200) @SingleLine String title,
        @Size(max = 10_000) @MultiLine String summary,
        @NotNull @IsoCountry @SingleLine String situationCountry,
        @NotNull Tlp tlp,
        @Size(max = 50) List<@NotNull @Valid SharingEntry> sharedWith,
        @Size(max = 100) List<@NotBlank @Size(max = 255) @SingleLine @MemberUser String> namedRecipients,
        @Size(max = 50) List<@NotBlank @Size(max = 50) @SingleLine String> tags) {

    NewCase {
        summary = summary == null ? "" : summary;
        sharedWith = sharedWith == null ? List.of() : sharedWith;
        namedRecipients = namedRecipients == null ? List.of() : namedRecipients;
        tags = tags == null ? List.of() : tags;
    }
}
