package org.callcentre.ivr.journey;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The agent's wrap-up of a call (DOMAIN.md's business types; free of customer data).
 *
 * @param businessType e.g. pre-sale, order-status, returns-exchanges-repairs, complaint-logistics
 */
public record Disposition(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{0,79}", message = "lower-case words joined by '-'") String businessType,
        boolean resolved,
        boolean followUp,
        @Size(max = 500) String note) {
}
