package org.quantlstm.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.quantlstm.common.UserInputException;

/** The fee model's charges, computed by hand. */
class FeeModelTest {
    @Test
    void proportionalPerShareAndMinimum() {
        FeeModel f = FeeModel.commissionOnly(10).withSlippage(5, 0).withPerShare(0.005);
        // 200 shares at 50: notional 10,000; 15 bps = 15.00; 200 × 0.005 = 1.00
        assertThat(f.orderCost(200, 50, Double.NaN)).isCloseTo(16.0, within(1e-12));
        assertThat(f.orderCost(-200, 50, Double.NaN)).isCloseTo(16.0, within(1e-12));
        assertThat(f.orderCost(0, 50, Double.NaN)).isEqualTo(0.0);
        // a minimum of 20 per order lifts it; a tiny order pays the minimum
        FeeModel m = f.withSlippage(5, 20);
        assertThat(m.orderCost(200, 50, Double.NaN)).isEqualTo(20.0);
        assertThat(m.orderCost(1, 50, Double.NaN)).isEqualTo(20.0);
    }

    @Test
    void squareRootAndVolumeShareImpact() {
        // 10,000 shares of 1,000,000 traded: participation 1 %, notional 10,000 × 20 = 200,000
        FeeModel sqrt = FeeModel.FREE.withImpact(FeeModel.Impact.SQRT, 100, 1);
        // 100 bps × √0.01 = 10 bps of 200,000 = 200
        assertThat(sqrt.orderCost(10_000, 20, 1_000_000)).isCloseTo(200.0, within(1e-9));
        FeeModel share = FeeModel.FREE.withImpact(FeeModel.Impact.VOLUME_SHARE, 1000, 1);
        // 1000 bps × 0.01² = 0.1 bps of 200,000 = 2.0
        assertThat(share.orderCost(10_000, 20, 1_000_000)).isCloseTo(2.0, within(1e-9));
        // unknown volume: no impact
        assertThat(sqrt.orderCost(10_000, 20, Double.NaN)).isEqualTo(0.0);
    }

    @Test
    void participationCapCutsTheOrder() {
        FeeModel f = FeeModel.DEFAULT.withImpact(FeeModel.Impact.NONE, 0, 0.025);
        assertThat(f.fillable(50_000, 1_000_000)).isEqualTo(25_000.0);
        assertThat(f.fillable(-50_000, 1_000_000)).isEqualTo(-25_000.0);
        assertThat(f.fillable(10_000, 1_000_000)).isEqualTo(10_000.0);
        assertThat(f.fillable(50_000, Double.NaN)).isEqualTo(50_000.0);
    }

    @Test
    void borrowAndFinancingPerPeriod() {
        FeeModel f = FeeModel.DEFAULT; // borrow 50 bps/yr, financing rf + 100 bps/yr
        // a 100,000 short for one day of 252: 100,000 × 0.005 / 252
        assertThat(f.borrowFee(-100_000, 252)).isCloseTo(500.0 / 252, within(1e-12));
        // positive cash earns rf; negative cash pays rf + 1 %/yr
        assertThat(f.interest(10_000, 0.0001, 252)).isCloseTo(1.0, within(1e-12));
        assertThat(f.interest(-10_000, 0.0001, 252)).isCloseTo(-10_000 * (0.0001 + 0.01 / 252), within(1e-12));
        assertThat(FeeModel.FREE.interest(-10_000, 0.0001, 252)).isCloseTo(-1.0, within(1e-12));
        assertThat(f.describe()).contains("10 bps per side", "borrow 50 bps/yr", "rf + 100 bps/yr");
    }

    @Test
    void badSettingsAreUserErrors() {
        assertThatThrownBy(() -> FeeModel.commissionOnly(-1)).isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> FeeModel.DEFAULT.withImpact(FeeModel.Impact.SQRT, 10, 0))
                .isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> FeeModel.Impact.parse("linear")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("sqrt");
        assertThat(FeeModel.Impact.parse("Volume_Share")).isEqualTo(FeeModel.Impact.VOLUME_SHARE);
    }
}
