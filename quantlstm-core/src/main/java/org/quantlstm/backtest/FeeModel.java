package org.quantlstm.backtest;

import java.util.Locale;
import org.quantlstm.common.UserInputException;

/**
 * The one fee model: every engine ({@link VectorizedBacktester}, {@link EventBacktester} and its
 * {@link Portfolio}, the weekly-12 loop, the cross-sectional top-K book) charges trading costs, borrow fees and
 * financing through these methods and nowhere else.
 *
 * <p><b>Per order</b> ({@link #orderCost}), for {@code q} shares traded at price {@code p}, notional
 * {@code N = q·p}, bar volume {@code V} (shares; NaN or ≤ 0 = unknown):
 * <pre>
 *   cost = max(minPerOrder, (bpsPerSide + slippageBps)·10⁻⁴·N + perShare·q + impact(q, V)·N)
 *   impact: none → 0;  sqrt → impactBps·10⁻⁴·√(q/V);  volume-share → impactBps·10⁻⁴·(q/V)²
 * </pre>
 * The square-root law is the usual empirical one (cost per unit of notional grows with the square root of the
 * participation rate); volume-share is zipline's {@code VolumeShareSlippage} shape (price impact ∝ the square of
 * the participation). With unknown volume the impact term is 0. Slippage and impact are charged as cash on
 * notional rather than as a moved fill price (to first order the same P&amp;L; the fill prices in trade logs
 * stay the bar's quoted prices, so they can be checked against the data).
 *
 * <p><b>Participation cap.</b> An order for more than {@code maxParticipation·V} shares is cut to that size
 * ({@link #fillable}); the rest is cancelled, not carried to the next bar. With unknown volume nothing is cut.
 *
 * <p><b>Carry</b>, per bar, before that bar's fills: a short position pays a borrow fee of
 * {@code borrowBps·10⁻⁴/N_year} of its notional at the previous close ({@link #borrowFee}); cash earns the
 * period's risk-free rate when positive and pays the risk-free rate plus {@code financingSpreadBps·10⁻⁴/N_year}
 * when negative ({@link #interest}). {@code N_year} is the periods per year of the bars.
 *
 * <p>Defaults ({@link #DEFAULT}), honest for US equities: 10 bps per side, no minimum, no per-share
 * commission, no extra slippage, no impact, participation cap 100 % of bar volume, borrow 50 bps a year,
 * financing at the risk-free rate + 100 bps a year. {@link #FREE} is frictionless (seed 001's and the weekly-12
 * paper's convention).
 *
 * @param bpsPerSide         commission and spread, basis points of traded notional per side (10 = 0.10 %)
 * @param minPerOrder        minimum charge per order, currency; 0 = none
 * @param perShare           commission per share traded, currency
 * @param slippageBps        extra slippage, basis points of traded notional
 * @param impact             impact model
 * @param impactBps          impact coefficient in basis points (at 100 % participation)
 * @param maxParticipation   largest order as a fraction of the bar's volume, in (0, 1]
 * @param borrowBps          borrow fee on short notional, basis points a year
 * @param financingSpreadBps spread over the risk-free rate paid on negative cash, basis points a year
 */
public record FeeModel(double bpsPerSide, double minPerOrder, double perShare, double slippageBps, Impact impact,
                       double impactBps, double maxParticipation, double borrowBps, double financingSpreadBps) {
    /** 10 bps per side, borrow 50 bps/yr, financing rf + 100 bps/yr, no minimum, no impact. */
    public static final FeeModel DEFAULT = new FeeModel(10, 0, 0, 0, Impact.NONE, 0, 1, 50, 100);
    /** Frictionless: no fees, no borrow fee, negative cash pays only the risk-free rate. */
    public static final FeeModel FREE = new FeeModel(0, 0, 0, 0, Impact.NONE, 0, 1, 0, 0);

    /** Market impact as a function of the participation rate q/V. */
    public enum Impact {
        NONE("none"), SQRT("sqrt"), VOLUME_SHARE("volume-share");

        private final String code;

        Impact(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Impact parse(String text) {
            String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
            for (Impact i : values()) {
                if (i.code.equals(t)) {
                    return i;
                }
            }
            throw new UserInputException("unknown impact model '" + org.quantlstm.common.Excerpt.of(String.valueOf(text))
                    + "': use none, sqrt or volume-share");
        }
    }

    public FeeModel {
        if (impact == null) {
            throw new IllegalArgumentException("impact must not be null");
        }
        check("bps per side", bpsPerSide);
        check("minimum per order", minPerOrder);
        check("per-share commission", perShare);
        check("slippage bps", slippageBps);
        check("impact bps", impactBps);
        check("borrow bps", borrowBps);
        check("financing spread bps", financingSpreadBps);
        if (!(maxParticipation > 0 && maxParticipation <= 1)) {
            throw new UserInputException("max participation must be in (0, 1]: " + maxParticipation);
        }
    }

    private static void check(String what, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new UserInputException(what + " must be finite and >= 0: " + v);
        }
    }

    /** Only a proportional charge of {@code bps} per side: no borrow fee, no financing spread, no minimum. */
    public static FeeModel commissionOnly(double bps) {
        return new FeeModel(bps, 0, 0, 0, Impact.NONE, 0, 1, 0, 0);
    }

    public FeeModel withBps(double bps) {
        return new FeeModel(bps, minPerOrder, perShare, slippageBps, impact, impactBps, maxParticipation, borrowBps,
                financingSpreadBps);
    }

    public FeeModel withSlippage(double bps, double minimum) {
        return new FeeModel(bpsPerSide, minimum, perShare, bps, impact, impactBps, maxParticipation, borrowBps,
                financingSpreadBps);
    }

    public FeeModel withPerShare(double perShareCommission) {
        return new FeeModel(bpsPerSide, minPerOrder, perShareCommission, slippageBps, impact, impactBps,
                maxParticipation, borrowBps, financingSpreadBps);
    }

    public FeeModel withImpact(Impact model, double bps, double participationCap) {
        return new FeeModel(bpsPerSide, minPerOrder, perShare, slippageBps, model, bps, participationCap, borrowBps,
                financingSpreadBps);
    }

    public FeeModel withCarry(double borrow, double financingSpread) {
        return new FeeModel(bpsPerSide, minPerOrder, perShare, slippageBps, impact, impactBps, maxParticipation,
                borrow, financingSpread);
    }

    /** Proportional rate per unit of notional: (bpsPerSide + slippageBps)/10,000. */
    public double rate() {
        return (bpsPerSide + slippageBps) * 1e-4;
    }

    /**
     * The charge for one order of {@code shares} (sign ignored) at {@code price}, with the bar's volume (NaN or
     * ≤ 0 when unknown); 0 for no trade. Allocation-free.
     */
    public double orderCost(double shares, double price, double volume) {
        if (shares == 0) {
            return 0;
        }
        double q = Math.abs(shares);
        double notional = q * price;
        double c = rate() * notional + perShare * q;
        if (impact != Impact.NONE && volume > 0) {
            double part = q / volume;
            c += impactBps * 1e-4 * notional * (impact == Impact.SQRT ? Math.sqrt(part) : part * part);
        }
        return Math.max(minPerOrder, c);
    }

    /** A proportional-only charge for a traded notional (the weekly portfolio loop trades weights, not shares). */
    public double notionalCost(double notional) {
        if (notional == 0) {
            return 0;
        }
        return Math.max(minPerOrder, rate() * Math.abs(notional));
    }

    /**
     * The signed size that can be filled of an order for {@code shares}: cut to {@code maxParticipation·volume}
     * when the volume is known, else unchanged.
     */
    public double fillable(double shares, double volume) {
        if (!(volume > 0)) {
            return shares;
        }
        double cap = maxParticipation * volume;
        return Math.abs(shares) > cap ? Math.copySign(cap, shares) : shares;
    }

    /** Borrow fee for one period on a short of {@code shortNotional} (currency, sign ignored). */
    public double borrowFee(double shortNotional, int periodsPerYear) {
        return Math.abs(shortNotional) * borrowPerPeriod(periodsPerYear);
    }

    /**
     * The borrow fee per period as a fraction of short notional ({@link #borrowFee} is notional × this); the
     * engines read it once per run so that their per-bar loops do no division.
     */
    public double borrowPerPeriod(int periodsPerYear) {
        return borrowBps * 1e-4 / periodsPerYear;
    }

    /**
     * Interest on a cash balance over one period: {@code cash·rf} when cash ≥ 0, {@code cash·(rf + spread)} when
     * negative (a charge). Signed: add it to cash.
     */
    public double interest(double cash, double riskFreePerPeriod, int periodsPerYear) {
        return cash >= 0 ? cash * riskFreePerPeriod
                : cash * (riskFreePerPeriod + financingSpreadBps * 1e-4 / periodsPerYear);
    }

    /** The conventions line: every setting, for metrics.json and the console. */
    public String describe() {
        return String.format(Locale.ROOT, "%s bps per side, min %s per order, %s per share, slippage %s bps, impact %s%s, "
                        + "max participation %s%% of bar volume, borrow %s bps/yr on shorts, financing rf + %s bps/yr on negative cash",
                fmt(bpsPerSide), fmt(minPerOrder), fmt(perShare), fmt(slippageBps), impact.code(),
                impact == Impact.NONE ? "" : " " + fmt(impactBps) + " bps", fmt(maxParticipation * 100),
                fmt(borrowBps), fmt(financingSpreadBps));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
