package org.callcentre.ivr.flow;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.callcentre.ivr.IvrProperties;

/**
 * Whether the hotline is open now, from the configured weekly hours and holidays in the
 * hotline's time zone. The {@link Clock} is injected so tests can set the time.
 */
final class BusinessCalendar {

    enum Status { OPEN, CLOSED, HOLIDAY }

    /** Opening hours of one day: [opens, closes); closes at 24:00 is written as {@code 24:00}. */
    private record Hours(LocalTime opens, LocalTime closes, boolean untilMidnight) {
        boolean contain(LocalTime t) {
            return !t.isBefore(opens) && (untilMidnight || t.isBefore(closes));
        }
    }

    private final Clock clock;
    private final IvrProperties.BusinessHours config;
    private final Map<DayOfWeek, Hours> weekly = new EnumMap<>(DayOfWeek.class);
    private final Set<LocalDate> holidays;

    BusinessCalendar(Clock clock, IvrProperties.BusinessHours config) {
        this.clock = clock;
        this.config = config;
        config.weekly().forEach((day, text) -> weekly.put(day, parse(day, text)));
        this.holidays = Set.copyOf(config.holidays());
    }

    Status now() {
        ZonedDateTime local = ZonedDateTime.now(clock.withZone(config.zone()));
        if (holidays.contains(local.toLocalDate())) {
            return Status.HOLIDAY;
        }
        Hours today = weekly.get(local.getDayOfWeek());
        return today != null && today.contain(local.toLocalTime()) ? Status.OPEN : Status.CLOSED;
    }

    private static Hours parse(DayOfWeek day, String text) {
        String[] parts = text.strip().split("-");
        try {
            if (parts.length == 2) {
                LocalTime opens = LocalTime.parse(parts[0].strip());
                boolean midnight = parts[1].strip().equals("24:00");
                LocalTime closes = midnight ? LocalTime.MAX : LocalTime.parse(parts[1].strip());
                if (closes.isAfter(opens)) {
                    return new Hours(opens, closes, midnight);
                }
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new IllegalStateException("callcentre.ivr.hours.weekly." + day + " must be HH:mm-HH:mm (opening "
                + "before closing, 24:00 allowed), not '" + text + "'");
    }
}
