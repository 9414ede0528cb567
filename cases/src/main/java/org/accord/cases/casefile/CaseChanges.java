package org.accord.cases.casefile;

import org.accord.support.text.MultiLine;
import org.accord.support.text.SingleLine;

import java.util.List;

import org.accord.cases.sharing.Tlp;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PATCH /api/cases/{id}}, merge-patch style: a field left out stays as it is, a field given is
 * replaced, under the same limits as when the case was opened. {@code null} is refused rather than read as "remove":
 * the fields that may be empty are emptied with {@code ""} and {@code []}. Sharing has its own endpoint.
 * <p>
 * A class with fields rather than a record: only fields are set for exactly the properties the body contains, which
 * is what tells a left-out field from an explicit {@code null}.
 */
final class CaseChanges {

    @JsonSetter(nulls = Nulls.FAIL)
    @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
    @Size(max = 200)
    @SingleLine
    private String title;

    @JsonSetter(nulls = Nulls.FAIL)
    @Size(max = 10_000)
    @MultiLine
    private String summary;

    @JsonSetter(nulls = Nulls.FAIL)
    @IsoCountry
    @SingleLine
    private String situationCountry;

    @JsonSetter(nulls = Nulls.FAIL)
    private CaseStatus status;

    @JsonSetter(nulls = Nulls.FAIL)
    private Tlp tlp;

    @JsonSetter(nulls = Nulls.FAIL)
    @Size(max = 50)
    private List<@NotBlank @Size(max = 50) @SingleLine String> tags;

    String title() {
        return title;
    }

    String summary() {
        return summary;
    }

    String situationCountry() {
        return situationCountry;
    }

    CaseStatus status() {
        return status;
    }

    Tlp tlp() {
        return tlp;
    }

    List<String> tags() {
        return tags;
    }
}
