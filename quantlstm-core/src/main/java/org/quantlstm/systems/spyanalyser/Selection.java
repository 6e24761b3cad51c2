package org.quantlstm.systems.spyanalyser;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quantlstm.backtest.BacktestConfig;
import org.quantlstm.backtest.BacktestResult;
import org.quantlstm.backtest.Backtester;
import org.quantlstm.backtest.Prices;
import org.quantlstm.data.BarSeries;
import org.quantlstm.features.Windows;
import org.quantlstm.report.Metrics;
import org.quantlstm.report.RiskFree;
import org.quantlstm.signal.RiskLimits;
import org.quantlstm.signal.SizingMethod;
import org.quantlstm.signal.VolatilityRatio;
import org.quantlstm.workflow.ExperimentConfig;
import org.quantlstm.workflow.ForecastSpec;
import org.quantlstm.workflow.ForecastStage;

/**
 * The honest choice among the 20 strategies: the trained model forecasts the validation segment (the windows that
 * drove early stopping, before the first test decision), the 20 strategies are backtested there with the same
 * fills, costs and risk-free rate as on test, and the one with the highest validation Sharpe among those that held a
 * position there is chosen. The test segment is read once, afterwards, for the chosen strategy's figures. Nothing
 * of the test segment enters training, the validation forecasts or the choice.
 */
final class Selection {
    private Selection() {
    }

    /** The 20 strategies and buy-and-hold on decision bars {@code [from, to)} of a series. */
    record Segment(long[] times, List<BacktestResult> runs, BacktestResult buyAndHold, RiskFree riskFree) {
    }

    /**
     * The choice on validation.
     *
     * @param chosen           the chosen strategy, null if none held a position on validation (or no forecasts)
     * @param validationSharpe annualised Sharpe of excess returns on validation per strategy (NaN: never held a position)
     * @param notEligible      strategies that never held a position on validation, so cannot be chosen
     * @param returns          validation returns (periods)
     * @param from             first validation decision date (null without validation forecasts)
     * @param to               last validation bar
     * @param unavailable      why there is no choice on validation, or null
     */
    record Choice(String chosen, Map<String, Double> validationSharpe, List<String> notEligible, int returns,
                  LocalDate from, LocalDate to, String unavailable) {
        Choice {
            validationSharpe = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(validationSharpe));
            notEligible = List.copyOf(notEligible);
        }

        static Choice unavailable(String why) {
            return new Choice(null, Map.of(), List.of(), 0, null, null, why);
        }
    }

    /**
     * The predicted simple return of every validation decision bar (NaN elsewhere), from the model that forecast the
     * test segment; null with walk-forward retraining (no single train-only model then).
     */
    static double[] validationForecasts(ForecastSpec spec, BarSeries series, ForecastStage.Outcome f) {
        if (f.modelsTrained() != 1) {
            return null;
        }
        ForecastStage.Prepared prep = ForecastStage.prepare(spec, series, f.boundary());
        Windows valid = prep.labelled().slice(prep.validFrom(), prep.testFrom());
        double[] close = series.adjusted().closes();
        double[] out = new double[close.length];
        Arrays.fill(out, Double.NaN);
        if (valid.samples() == 0) {
            return out;
        }
        double[] z = f.forecaster().predict(valid);
        boolean nextClose = spec.target() == ForecastStage.TargetKind.NEXT_CLOSE;
        for (int i = 0; i < valid.samples(); i++) {
            int t = valid.endIndex()[i];
            double y = f.targetScaler().inverse(0, z[i]);
            double pc = nextClose ? y : close[t] * Math.exp(y);
            out[t] = pc / close[t] - 1;
        }
        return out;
    }

    /** First bar with a finite forecast at or after {@code from} and before {@code to}, or {@code to}. */
    static int firstForecast(double[] predicted, int from, int to) {
        for (int t = from; t < to; t++) {
            if (!Double.isNaN(predicted[t])) {
                return t;
            }
        }
        return to;
    }

    /** Backtests the 20 strategies and buy-and-hold on decision bars {@code [from, to)}. */
    static Segment backtest(ExperimentConfig cfg, BarSeries series, double[] predictedFull, int from, int to) {
        BarSeries adj = series.adjusted();
        long[] times = Arrays.copyOfRange(adj.epochMillis(), from, to);
        Prices prices = new Prices(series.symbol().value(), times, Arrays.copyOfRange(adj.opens(), from, to),
                Arrays.copyOfRange(adj.highs(), from, to), Arrays.copyOfRange(adj.lows(), from, to),
                Arrays.copyOfRange(adj.closes(), from, to), Arrays.copyOfRange(adj.volumes(), from, to));
        double[] predicted = Arrays.copyOfRange(predictedFull, from, to);
        double[] volRatio = Arrays.copyOfRange(VolatilityRatio.causalRatio(adj.closes(), VolatilityRatio.SEED_WINDOW),
                from, to);
        int ppy = series.interval().periodsPerYear();
        RiskFree rf = RiskFree.fromSpec(cfg.backtest().riskFree(), times, ppy);
        var b = cfg.backtest();
        var sig = cfg.signal();
        BacktestConfig bc = b.engine(ppy, 1.0).withLimits(sig.limits()).withEntry(sig.entry());
        Backtester bt = new Backtester(bc, rf.perPeriod());
        List<BacktestResult> runs = bt.seedSuite(prices, predicted, volRatio, sig.allowShort(), sig.threshold(),
                List.of(SizingMethod.values()));
        // the benchmark is plain buy-and-hold: no stop-loss or take-profit
        BacktestResult bh = new Backtester(bc.withLimits(RiskLimits.NONE), rf.perPeriod()).buyAndHold(prices);
        return new Segment(times, runs, bh, rf);
    }

    /** The highest annualised Sharpe on {@code valid} among strategies that held a position (first on ties). */
    static Choice choose(Segment valid, int ppy) {
        Map<String, Double> sharpe = new LinkedHashMap<>();
        List<String> idle = new ArrayList<>();
        String chosen = null;
        double bestSharpe = Double.NaN;
        for (BacktestResult r : valid.runs()) {
            double s = Arrays.stream(r.position()).allMatch(p -> p == 0) ? Double.NaN
                    : Metrics.sharpe(r.returns(), valid.riskFree().perPeriod(), ppy);
            sharpe.put(r.name(), s);
            if (Double.isNaN(s)) {
                idle.add(r.name());
            } else if (chosen == null || s > bestSharpe) {
                chosen = r.name();
                bestSharpe = s;
            }
        }
        long[] t = valid.times();
        int returns = Math.max(0, t.length - 1);
        LocalDate from = t.length == 0 ? null : LocalDate.ofEpochDay(Math.floorDiv(t[0], 86_400_000L));
        LocalDate to = t.length == 0 ? null : LocalDate.ofEpochDay(Math.floorDiv(t[t.length - 1], 86_400_000L));
        if (returns < 2) {
            return new Choice(null, sharpe, idle, returns, from, to, "the validation segment has " + returns
                    + " returns: too few to compare strategies");
        }
        return new Choice(chosen, sharpe, idle, returns, from, to, chosen == null
                ? "no strategy held a position on the validation segment" : null);
    }
}
