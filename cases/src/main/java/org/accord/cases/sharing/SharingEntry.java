package org.accord.cases.sharing;

import org.accord.support.text.SingleLine;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.validation.constraints.NotNull;

/** One line of a case's sharing list: a member country or a registry group (never both), and its access. */
@ShareTarget
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SharingEntry(@SingleLine String country, @SingleLine String group, @NotNull Access access) {

    public static SharingEntry country(String country, Access access) {
        return new SharingEntry(country, null, access);
    }

    public static SharingEntry group(String group, Access access) {
        return new SharingEntry(null, group, access);
    }
}
