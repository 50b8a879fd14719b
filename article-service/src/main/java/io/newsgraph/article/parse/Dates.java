package io.newsgraph.article.parse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/** Lenient ISO-8601 parsing for publication dates found in page metadata. */
final class Dates {

    /**
     * Date, optionally followed ('T' or space) by a time, an offset with or without colon
     * ("+01:00", "+0100", "Z") and a bracketed zone id. Values without offset are taken as UTC.
     */
    private static final DateTimeFormatter ISO_LENIENT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart()
            .appendOffset("+HH:MM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HHMM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendLiteral('[')
            .parseCaseSensitive()
            .appendZoneRegionId()
            .appendLiteral(']')
            .optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    private Dates() {}

    /** The instant, or {@code null} when the value is absent or unparseable. */
    static Instant parse(String value) {
        String s = Texts.nullIfBlank(value);
        if (s == null) {
            return null;
        }
        try {
            TemporalAccessor t = ISO_LENIENT.parseBest(
                    s, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
            return switch (t) {
                case ZonedDateTime z -> z.toInstant();
                case OffsetDateTime o -> o.toInstant();
                case LocalDateTime l -> l.toInstant(ZoneOffset.UTC);
                case LocalDate d -> d.atStartOfDay(ZoneOffset.UTC).toInstant();
                default -> null;
            };
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
