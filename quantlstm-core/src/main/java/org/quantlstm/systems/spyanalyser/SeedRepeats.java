package org.quantlstm.systems.spyanalyser;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.quantlstm.analytics.Spread;
import org.quantlstm.data.BarSeries;
import org.quantlstm.workflow.ExperimentConfig;
import org.quantlstm.workflow.ForecastStage;
import org.quantlstm.workflow.SeriesData;

/**
 * Seed variance: the run repeated with seeds s, s+1, …, s+N−1 (weights, dropout and shuffling), everything else
 * equal, and each figure summarised as mean ± std (ddof = 1), min and max over the seeds, as Qlib reports its
 * models over 20 seeds. Each repeat trains, forecasts, chooses on validation and reads the test segment once,
 * exactly as the main run does; its result is plain data ({@link Figures}).
 */
final class SeedRepeats {
    private SeedRepeats() {
    }

    /** The per-strategy figures kept per seed: Sharpe (NaN: never held a position), total return, max drawdown. */
    static final String[] STRATEGY_FIGURES = {"sharpe", "total_return", "max_drawdown"};

    /**
     * One seed's figures.
     *
     * @param seed          the seed
     * @param rmse          RMSE of the next-close forecasts on test (price units)
     * @param ic            IC of predicted and realised moves on test
     * @param directionAccuracy share of test moves whose sign the model got right
     * @param chosen        the strategy chosen on validation (null if none could be)
     * @param chosenTest    the chosen strategy's test Sharpe, total return and max drawdown (NaN if none chosen)
     * @param strategies    every strategy's test Sharpe, total return and max drawdown, in the run's order
     */
    record Figures(long seed, double rmse, double ic, double directionAccuracy, String chosen, double[] chosenTest,
                   LinkedHashMap<String, double[]> strategies) implements Serializable {
        Figures {
            chosenTest = chosenTest.clone();
            LinkedHashMap<String, double[]> copy = new LinkedHashMap<>();
            strategies.forEach((k, v) -> copy.put(k, v.clone()));
            strategies = copy;
        }
    }

    /** The task of one repeat: its seed (the series and settings are the run's, in {@link Context}). */
    record Task(long seed) implements Serializable {
    }

    /**
     * What every repeat shares, as plain data: the experiment as its resolved YAML text (overrides applied), the
     * series as columns, the run's split boundary (epoch millis) and the PyTorch threads per repeat. Each repeat
     * rebuilds the configuration and the series from it, so nothing live crosses a JVM boundary and the work
     * ({@code context::evaluate}) serialises.
     */
    record Context(String yaml, String label, SeriesData series, long validStart, long testStart, int threads)
            implements Serializable {

        static Context of(ExperimentConfig cfg, BarSeries series, ForecastStage.Boundary boundary, int threads) {
            return new Context(cfg.yaml(), cfg.label(), SeriesData.of(series), boundary.validStart(),
                    boundary.testStart(), threads);
        }

        Figures evaluate(Task task) {
            ExperimentConfig cfg = ExperimentConfig.parse(yaml, label, Map.of());
            return SpyAnalyserPipeline.figuresOf(cfg, series.series(),
                    new ForecastStage.Boundary(validStart, testStart), task.seed(), threads);
        }
    }

    /** The summary over the seeds. */
    record Summary(List<Figures> seeds) {
        Summary {
            seeds = List.copyOf(seeds);
            if (seeds.isEmpty()) {
                throw new IllegalArgumentException("no seeds");
            }
        }

        Spread of(java.util.function.ToDoubleFunction<Figures> f) {
            return Spread.of(seeds.stream().mapToDouble(f).toArray());
        }

        Spread strategy(String name, int figure) {
            return Spread.of(seeds.stream().mapToDouble(s -> s.strategies().containsKey(name)
                    ? s.strategies().get(name)[figure] : Double.NaN).toArray());
        }

        /** How often each strategy was chosen on validation ("none" when nothing could be). */
        Map<String, Integer> choices() {
            Map<String, Integer> m = new TreeMap<>();
            seeds.forEach(s -> m.merge(s.chosen() == null ? "none" : s.chosen(), 1, Integer::sum));
            return m;
        }

        /** The console block. */
        String text() {
            StringBuilder b = new StringBuilder();
            long first = seeds.get(0).seed(), last = seeds.get(seeds.size() - 1).seed();
            b.append("=".repeat(98)).append('\n');
            b.append(String.format(Locale.ROOT, "SEED VARIANCE over %d seeds (%d..%d): each trained, chosen on validation "
                    + "and read on test like the run above%n", seeds.size(), first, last));
            b.append("=".repeat(98)).append('\n');
            b.append(String.format(Locale.ROOT, "%-8s %10s %8s %8s  %-28s %8s %9s %9s%n", "seed", "RMSE", "IC",
                    "dir.acc", "chosen on validation", "Sharpe", "Return", "Max DD"));
            for (Figures s : seeds) {
                b.append(String.format(Locale.ROOT, "%-8d %10.5f %8.3f %8.3f  %-28s %8s %9s %9s%n", s.seed(), s.rmse(),
                        s.ic(), s.directionAccuracy(), s.chosen() == null ? "(none)" : s.chosen(),
                        num(s.chosenTest()[0], "%.2f"), pct(s.chosenTest()[1]), pct(s.chosenTest()[2])));
            }
            b.append("mean \u00b1 std [min, max] over the seeds:\n");
            b.append(String.format(Locale.ROOT, "  %-30s %s%n", "forecast RMSE", of(Figures::rmse).format("%.5f")));
            b.append(String.format(Locale.ROOT, "  %-30s %s%n", "forecast IC", of(Figures::ic).format("%.3f")));
            b.append(String.format(Locale.ROOT, "  %-30s %s%n", "direction accuracy",
                    of(Figures::directionAccuracy).format("%.3f")));
            b.append(String.format(Locale.ROOT, "  %-30s %s%n", "chosen: test Sharpe",
                    withUndefined(of(s -> s.chosenTest()[0]), "%.2f")));
            b.append(String.format(Locale.ROOT, "  %-30s %s%n", "chosen: test return (%)",
                    of(s -> s.chosenTest()[1] * 100).format("%.2f")));
            b.append(String.format(Locale.ROOT, "  %-30s %s%n", "chosen: test max drawdown (%)",
                    of(s -> s.chosenTest()[2] * 100).format("%.2f")));
            List<String> picks = new ArrayList<>();
            choices().forEach((k, v) -> picks.add(k + " x" + v));
            b.append("  chosen on validation: ").append(String.join(", ", picks)).append('\n');
            b.append(String.format(Locale.ROOT, "%-30s %-28s %-28s %-28s%n", "Per strategy (test)", "Sharpe",
                    "Return (%)", "Max DD (%)"));
            for (String name : seeds.get(0).strategies().keySet()) {
                Spread sh = strategy(name, 0);
                b.append(String.format(Locale.ROOT, "%-30s %-28s %-28s %-28s%n", name, withUndefined(sh, "%.2f"),
                        scaled(strategy(name, 1)), scaled(strategy(name, 2))));
            }
            if (seeds.get(0).strategies().keySet().stream().anyMatch(name -> strategy(name, 0).undefined() > 0)) {
                b.append("Sharpe '(k idle)': the strategy never held a position on test in k of the seeds (no Sharpe "
                        + "there).\n");
            }
            return b.toString();
        }

        /** For metrics.json. */
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seeds", seeds.stream().map(Figures::seed).toList());
            m.put("method", "the run repeated per seed (weights, dropout, shuffling), everything else equal; mean, std "
                    + "(ddof 1), min and max over the seeds of finite values; 'undefined' counts seeds where the figure "
                    + "does not exist (a Sharpe of a strategy that never held a position)");
            Map<String, Object> forecast = new LinkedHashMap<>();
            forecast.put("rmse", of(Figures::rmse));
            forecast.put("ic", of(Figures::ic));
            forecast.put("direction_accuracy", of(Figures::directionAccuracy));
            m.put("forecast", forecast);
            Map<String, Object> chosen = new LinkedHashMap<>();
            chosen.put("choices", choices());
            chosen.put("sharpe", of(s -> s.chosenTest()[0]));
            chosen.put("total_return", of(s -> s.chosenTest()[1]));
            chosen.put("max_drawdown", of(s -> s.chosenTest()[2]));
            m.put("chosen_on_validation", chosen);
            Map<String, Object> strategies = new LinkedHashMap<>();
            for (String name : seeds.get(0).strategies().keySet()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int k = 0; k < STRATEGY_FIGURES.length; k++) {
                    row.put(STRATEGY_FIGURES[k], strategy(name, k));
                }
                strategies.put(name, row);
            }
            m.put("strategies", strategies);
            List<Object> per = new ArrayList<>();
            for (Figures s : seeds) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("seed", s.seed());
                row.put("rmse", s.rmse());
                row.put("ic", s.ic());
                row.put("direction_accuracy", s.directionAccuracy());
                row.put("chosen", s.chosen());
                row.put("chosen_sharpe", s.chosenTest()[0]);
                row.put("chosen_total_return", s.chosenTest()[1]);
                row.put("chosen_max_drawdown", s.chosenTest()[2]);
                per.add(row);
            }
            m.put("per_seed", per);
            return m;
        }

        private static String withUndefined(Spread s, String fmt) {
            return s.format(fmt) + (s.undefined() > 0 ? " (" + s.undefined() + " idle)" : "");
        }

        private static String scaled(Spread s) {
            return new Spread(s.n(), s.undefined(), s.mean() * 100, s.std() * 100, s.min() * 100, s.max() * 100)
                    .format("%.2f");
        }

        private static String num(double v, String f) {
            return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, f, v);
        }

        private static String pct(double v) {
            return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", v * 100);
        }
    }
}
