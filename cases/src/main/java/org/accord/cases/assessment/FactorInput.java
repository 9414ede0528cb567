package org.accord.cases.assessment;

import org.accord.support.text.MultiLine;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One factor's score in an assessment request, with the note that justifies it. */
record FactorInput(@NotNull @Min(0) @Max(3) Integer score, @NotBlank @Size(max = 2_000) @MultiLine String note) {
}
