package io.newsgraph.entity.extract;

import java.math.BigDecimal;

/**
 * A number stated in the body ("almost 1,100 strike drones").
 *
 * @param value      normalised value: 1100, 1200000000 for "$1.2 billion", 30 for "30-day"
 * @param qualifier  hedge before the number ("almost", "more than"), or null
 * @param unit       the counted noun phrase ("strike drones", "day"), a currency code or "percent"; null if none
 * @param claimantKey entity key of whoever is quoted or reported as stating it, or null
 * @param inQuote    true when the number sits inside a quotation
 */
public record ClaimResult(
        int start,
        int end,
        String surface,
        BigDecimal value,
        String qualifier,
        String unit,
        String claimantKey,
        boolean inQuote) {}
