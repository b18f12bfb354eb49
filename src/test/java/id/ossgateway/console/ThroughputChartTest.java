package id.ossgateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThroughputChartTest {

    // 2026-11-02 00:00 UTC = 08:00 WITA
    private static final long FIRST = 1_793_577_600L / 3600;

    @Test
    void barsAreScaledToTheBusiestHourAndTheLatestHourIsRightmost() {
        ThroughputChart c = ThroughputChart.of(Map.of(FIRST, 10L, FIRST + 23, 5L), Map.of(FIRST + 23, 1L), FIRST,
                240, 101, ZoneId.of("Asia/Makassar"));
        assertThat(c.bars()).hasSize(48);
        ThroughputChart.Bar first = c.bars().get(0);
        assertThat(first).isEqualTo(new ThroughputChart.Bar(0, 1, 4, 100, "in", "08:00", 10));
        ThroughputChart.Bar lastIn = c.bars().get(46);
        ThroughputChart.Bar lastOut = c.bars().get(47);
        assertThat(lastIn.height()).isEqualTo(50);
        assertThat(lastOut.height()).isEqualTo(10);
        assertThat(lastOut.x()).isGreaterThan(lastIn.x());
        assertThat(lastIn.label()).isEqualTo("07:00");
        assertThat(c.ticks()).extracting(ThroughputChart.Tick::label).containsExactly("08:00", "14:00", "20:00", "02:00");
        assertThat(c.totalIn()).isEqualTo(15);
        assertThat(c.totalOut()).isEqualTo(1);
    }

    @Test
    void aSingleRecordStillShowsAndAQuietHourHasNoBar() {
        ThroughputChart c = ThroughputChart.of(Map.of(FIRST, 1000L, FIRST + 1, 1L), Map.of(), FIRST, 240, 32,
                ZoneId.of("UTC"));
        assertThat(c.bars().get(2).height()).isEqualTo(1);
        assertThat(c.bars().get(4).height()).isZero();
    }
}
