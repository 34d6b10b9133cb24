package fr.preuve.core.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A period of the audit trail: from {@code from} (inclusive) to {@code to} (exclusive).
 */
public record TimeRange(Instant from, Instant to) {
    /** Far enough for any audit trail, near enough for epoch milliseconds. */
    private static final Instant END = Instant.parse("9999-12-31T00:00:00Z");

    public TimeRange {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("the period is empty: from " + from + " is after to " + to);
        }
    }

    /** Everything recorded. */
    public static TimeRange all() {
        return new TimeRange(Instant.EPOCH, END);
    }

    /**
     * Whole days in UTC: from the start of {@code fromDay} to the end of {@code toDay}, each ISO ({@code 2026-11-22})
     * or null for no bound. The message of a bad date names it.
     */
    public static TimeRange days(String fromDay, String toDay) {
        Instant from = fromDay == null ? Instant.EPOCH : day("from", fromDay).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = toDay == null ? END : day("to", toDay).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the period is empty: from " + fromDay + " is after to " + toDay);
        }
        return new TimeRange(from, to);
    }

    /** {@code all time}, {@code since …}, {@code until …} (exclusive) or {@code … to …}, in UTC. */
    public String describe() {
        boolean open = from.equals(Instant.EPOCH);
        boolean endless = to.equals(END);
        return open && endless ? "all time" : open ? "until " + to : endless ? "since " + from : from + " to " + to;
    }

    public boolean contains(Instant t) {
        return !t.isBefore(from) && t.isBefore(to);
    }

    private static LocalDate day(String name, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO date such as 2026-11-22, got '" + value + "'");
        }
    }
}
