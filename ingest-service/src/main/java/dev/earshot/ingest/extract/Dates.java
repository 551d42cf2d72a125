package dev.earshot.ingest.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Reads the dates review pages really show; a date without a zone is taken as UTC. */
public final class Dates {

    private static final List<DateTimeFormatter> ZONED = List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            DateTimeFormatter.ISO_ZONED_DATE_TIME, DateTimeFormatter.RFC_1123_DATE_TIME);
    private static final List<DateTimeFormatter> LOCAL_TIME = List.of(DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            pattern("yyyy-MM-dd HH:mm[:ss]"), pattern("dd/MM/yyyy HH:mm"), pattern("MMMM d, yyyy HH:mm"));
    private static final List<DateTimeFormatter> LOCAL_DATE = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            pattern("MMMM d, yyyy"), pattern("MMM d, yyyy"), pattern("d MMMM yyyy"), pattern("d MMM yyyy"),
            pattern("dd/MM/yyyy"), pattern("dd.MM.yyyy"), pattern("yyyy/MM/dd"));

    private Dates() {
    }

    /** The instant, or null when the text is no date this knows. */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip().replaceFirst("(?i)^(posted|reviewed|published)( on)?:?\\s+", "")
                .replaceAll("(\\d)(st|nd|rd|th)\\b", "$1");
        for (DateTimeFormatter f : ZONED) {
            try {
                return ZonedDateTime.parse(s, f).toInstant();
            } catch (DateTimeParseException e) {
                // next
            }
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            // next
        }
        for (DateTimeFormatter f : LOCAL_TIME) {
            try {
                return LocalDateTime.parse(s, f).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // next
            }
        }
        for (DateTimeFormatter f : LOCAL_DATE) {
            try {
                return LocalDate.parse(s, f).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // next
            }
        }
        try {
            return OffsetDateTime.parse(s.replace(' ', 'T')).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static DateTimeFormatter pattern(String p) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(p).toFormatter(Locale.ENGLISH);
    }
}
