package org.accord.cases.casefile;

import java.time.Instant;
import java.util.List;

import org.accord.cases.sharing.CaseSharing;
import org.accord.cases.sharing.SharingEntry;
import org.accord.cases.sharing.Tlp;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A case of threatened or ongoing mass atrocities, as one government opened it and shared it. The originating
 * country and the owners come from the creator's token, never from a request body.
 */
@Document("cases")
@CompoundIndexes({
        @CompoundIndex(name = "tlp_recent", def = "{'tlp': 1, 'updatedAt': -1}"),
        @CompoundIndex(name = "origin_recent", def = "{'originCountry': 1, 'updatedAt': -1}"),
        @CompoundIndex(name = "shared_country_recent", def = "{'sharedWith.country': 1, 'updatedAt': -1}"),
        @CompoundIndex(name = "shared_group_recent", def = "{'sharedWith.group': 1, 'updatedAt': -1}"),
        @CompoundIndex(name = "recipients_recent", def = "{'namedRecipients': 1, 'updatedAt': -1}"),
        @CompoundIndex(name = "owners_recent", def = "{'owners': 1, 'updatedAt': -1}") })
public record Case(
        @Id String id,
        String title,
        String summary,
        String situationCountry,
        CaseStatus status,
        Tlp tlp,
        List<SharingEntry> sharedWith,
        List<String> namedRecipients,
        List<String> owners,
        List<String> tags,
        String originCountry,
        RiskLevel riskLevel,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt,
        @Version Long version) implements CaseSharing {

    public Case {
        sharedWith = sharedWith == null ? List.of() : List.copyOf(sharedWith);
        namedRecipients = namedRecipients == null ? List.of() : List.copyOf(namedRecipients);
        owners = owners == null ? List.of() : List.copyOf(owners);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The entity tag of this version, for {@code ETag} and {@code If-Match}. */
    public String etag() {
        return "\"" + version + "\"";
    }
}
