package io.newsgraph.entity.extract;

import java.time.LocalDate;

/**
 * A time expression in the body. {@code resolved} is the first day of the period (the day, the
 * Sunday starting the week, the first of the month or year), or null when it cannot be resolved.
 *
 * @param granularity DAY, WEEK, MONTH or YEAR
 */
public record DateResult(int start, int end, String surface, LocalDate resolved, String granularity) {}
