package org.accord.cases.casefile;

import java.time.Instant;
import java.util.List;

import org.accord.cases.sharing.SharingEntry;
import org.accord.cases.sharing.Tlp;

/** Stored cases for tests that work below the HTTP API. */
public final class CaseMother {

    private CaseMother() {
    }

    /** A case opened by {@code owner} of {@code originCountry}, as the service would store it. */
    public static Case opened(String owner, String originCountry, Tlp tlp, List<SharingEntry> sharedWith,
            List<String> namedRecipients) {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        return Case.opened(null, tlp + " case of " + owner, "", "SD", tlp, sharedWith, namedRecipients, List.of(),
                owner, originCountry, now);
    }
}
