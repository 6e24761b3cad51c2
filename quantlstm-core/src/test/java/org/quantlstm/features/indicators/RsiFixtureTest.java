package org.quantlstm.features.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Golden values from the published Wilder RSI worked example (StockCharts' RSI spreadsheet, 14 periods). */
class RsiFixtureTest {
    static final double[] CLOSE = {44.3389, 44.0902, 44.1497, 43.6124, 44.3278, 44.8264, 45.0955, 45.4245, 45.8433,
            46.0826, 45.8931, 46.0328, 45.6140, 46.2820, 46.2820, 46.0028, 46.0328, 46.4116, 46.2222, 45.6439, 46.2122,
            46.2521, 45.7137, 46.4515, 45.7835, 45.3548, 44.0288, 44.1783, 44.2181, 44.5672, 43.4205, 42.6628, 43.1314};
    static final double[] RSI = {70.53, 66.32, 66.55, 69.41, 66.36, 57.97, 62.93, 63.26, 56.06, 62.38, 54.71, 50.42,
            39.99, 41.46, 41.87, 45.46, 37.30, 33.08, 37.77};

    @Test
    void matchesPublishedExample() {
        double[] r = new Rsi(14).compute(CLOSE);
        for (int i = 0; i < 14; i++) {
            assertThat(r[i]).isNaN();
        }
        for (int i = 0; i < RSI.length; i++) {
            assertThat(r[14 + i]).as("RSI at %d", 14 + i).isCloseTo(RSI[i], within(0.006));
        }
    }

    @Test
    void flatAndOnlyRisingWindows() {
        double[] flat = new double[20];
        java.util.Arrays.fill(flat, 10);
        assertThat(new Rsi(14).compute(flat)[19]).isEqualTo(50.0);
        double[] up = new double[20];
        for (int i = 0; i < up.length; i++) {
            up[i] = 10 + i;
        }
        assertThat(new Rsi(14).compute(up)[19]).isEqualTo(100.0);
    }
}
