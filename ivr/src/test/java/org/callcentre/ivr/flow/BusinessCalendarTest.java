package org.callcentre.ivr.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.callcentre.ivr.IvrProperties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessCalendarTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "2026-11-23T00:59:59Z, CLOSED",    // Monday 08:59:59 in Shanghai
            "2026-11-23T01:00:00Z, OPEN",      // 09:00 opens
            "2026-11-23T09:59:59Z, OPEN",
            "2026-11-23T10:00:00Z, CLOSED",    // 18:00 closes
            "2026-11-28T03:00:00Z, OPEN",      // Saturday 11:00
            "2026-11-29T03:00:00Z, CLOSED",    // Sunday: not listed
            "2026-10-01T03:00:00Z, HOLIDAY",   // National Day
            "2026-09-30T17:00:00Z, HOLIDAY"})  // 1 October 01:00 in Shanghai, still 30 September in UTC
    void hoursAreThoseOfTheHotlinesTimeZone(Instant now, BusinessCalendar.Status expected) {
        BusinessCalendar calendar = new BusinessCalendar(Clock.fixed(now, ZoneOffset.UTC), FlowRig.shanghaiOfficeHours());

        assertThat(calendar.now()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"2026-11-23T00:00:00Z", "2026-11-23T23:59:59Z"})
    void unconfiguredHoursAreOpenAroundTheClock(Instant now) {
        BusinessCalendar calendar = new BusinessCalendar(Clock.fixed(now, ZoneOffset.UTC),
                new IvrProperties.BusinessHours(ZoneId.of("UTC"), null, null));

        assertThat(calendar.now()).isEqualTo(BusinessCalendar.Status.OPEN);
    }

    @ParameterizedTest
    @CsvSource({"'18:00-09:00'", "'9-17'", "'09:00'"})
    void malformedHoursStopStartUpWithTheSettingsName(String hours) {
        assertThatThrownBy(() -> new BusinessCalendar(Clock.systemUTC(), new IvrProperties.BusinessHours(
                ZoneId.of("UTC"), Map.of(DayOfWeek.MONDAY, hours), List.of())))
                .hasMessageContaining("callcentre.ivr.hours.weekly.MONDAY must be HH:mm-HH:mm");
    }
}
