package fr.preuve.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeRangeTest {

    @Test
    void daysAreWholeUtcDaysWithTheLastIncluded() {
        TimeRange r = TimeRange.days("2026-11-22", "2026-11-23");
        assertThat(r.from()).isEqualTo(Instant.parse("2026-11-22T00:00:00Z"));
        assertThat(r.to()).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
        assertThat(r.contains(Instant.parse("2026-11-23T23:59:59.999Z"))).isTrue();
        assertThat(r.contains(Instant.parse("2026-11-24T00:00:00Z"))).isFalse();
        assertThat(r.contains(Instant.parse("2026-11-21T23:59:59Z"))).isFalse();
        assertThat(TimeRange.days(null, null)).isEqualTo(TimeRange.all());
        assertThat(TimeRange.all().describe()).isEqualTo("all time");
        assertThat(TimeRange.days("2026-11-22", null).describe()).isEqualTo("since 2026-11-22T00:00:00Z");
        assertThat(r.describe()).isEqualTo("2026-11-22T00:00:00Z to 2026-11-24T00:00:00Z");
    }

    @Test
    void badDatesAreNamed() {
        assertThatThrownBy(() -> TimeRange.days("22/11/2026", null))
                .hasMessage("from must be an ISO date such as 2026-11-22, got '22/11/2026'");
        assertThatThrownBy(() -> TimeRange.days(null, "2026-02-30")).hasMessageContaining("'2026-02-30'");
        assertThatThrownBy(() -> TimeRange.days("2026-11-23", "2026-11-22"))
                .hasMessageContaining("from 2026-11-23 is after to 2026-11-22");
    }
}
