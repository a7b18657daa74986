package com.funnelgate.gateway.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RollupBucketsTests {

    @Test
    void wholeHourZonesUseHourlyBuckets() {
        assertThat(RollupBuckets.minutesFor(ZoneId.of("UTC"))).isEqualTo(60);
        assertThat(RollupBuckets.minutesFor(ZoneId.of("America/New_York"))).isEqualTo(60);
        assertThat(RollupBuckets.minutesFor(ZoneId.of("Europe/Berlin"))).isEqualTo(60);
    }

    @Test
    void halfHourZonesUseHalfHourBuckets() {
        assertThat(RollupBuckets.minutesFor(ZoneId.of("Asia/Kolkata"))).isEqualTo(30);
        assertThat(RollupBuckets.minutesFor(ZoneId.of("Australia/Adelaide"))).isEqualTo(30);
        assertThat(RollupBuckets.minutesFor(ZoneId.of("America/St_Johns"))).isEqualTo(30);
        assertThat(RollupBuckets.minutesFor(ZoneId.of("Australia/Lord_Howe"))).isEqualTo(30);
    }

    @Test
    void quarterHourZonesUseQuarterHourBuckets() {
        assertThat(RollupBuckets.minutesFor(ZoneId.of("Asia/Kathmandu"))).isEqualTo(15);
        assertThat(RollupBuckets.minutesFor(ZoneId.of("Pacific/Chatham"))).isEqualTo(15);
    }
}
