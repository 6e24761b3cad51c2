package org.quantlstm.systems.multiasset;

import org.quantlstm.workflow.ConfigSection;
import org.quantlstm.workflow.ExperimentConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quantlstm.backtest.BacktestConfig;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;
import org.quantlstm.portfolio.MertonSpec;
import org.quantlstm.tuning.MedianPruner;
import org.quantlstm.tuning.Pruner;
import org.quantlstm.tuning.HyperbandPruner;
import org.quantlstm.tuning.Sampler;
import org.quantlstm.tuning.Samplers;
import org.quantlstm.tuning.SuccessiveHalvingPruner;

/**
 * The multi-asset-4h system's own settings, read strictly from the experiment's {@code tuning}, {@code universe}
 * and {@code portfolio} sections (see {@code experiments/multi-asset-4h.yaml} for every key and its default).
 *
 * @param trials         trials per asset (the whole study's budget: a resumed study runs only the missing ones)
 * @param jobs           trials run at once (threads sharing one study)
 * @param intervals      the bar interval of each ticker (data.interval unless universe.intervals names another)
 * @param periodsPerYear annualisation overrides by ticker (universe.periods_per_year)
 * @param commonEnd      end every asset's window at the earliest last bar among them, so the test segments overlap
 * @param threads        PyTorch threads per training; 0 = the cores divided among the jobs
 */
public record MultiAssetSettings(int trials, AssetTuner.Goal goal, double lambda, String sampler, String pruner,
                                 int prunerStartup, int prunerWarmup, AssetTuner.Space space, int jobs,
                                 Map<Symbol, Interval> intervals, Map<Symbol, Integer> periodsPerYear,
                                 boolean commonEnd, MertonSpec merton, double maxWeight, int threads) {
    public MultiAssetSettings {
        intervals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(intervals));
        periodsPerYear = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(periodsPerYear));
    }

    /**
     * Periods per year of {@code symbol} on {@code interval}: universe.periods_per_year when it names the symbol
     * (e.g. 2190 for a 24/7 crypto market on 4-hour bars), else the interval's convention (4h 1560, 1d 252).
     */
    public int periodsPerYear(Symbol symbol, Interval interval) {
        Integer v = periodsPerYear.get(symbol);
        return v != null ? v : interval.periodsPerYear();
    }

    /** Reads the sections of {@code cfg}, rejecting unknown keys. */
    public static MultiAssetSettings read(ExperimentConfig cfg) {
        ConfigSection t = cfg.section("tuning");
        int trials = t.integer("trials", 4, 1, 100_000);
        AssetTuner.Goal goal = t.parsed("objective", "profit-dd", AssetTuner.Goal::parse);
        double lambda = t.number("lambda", 1.0, 0, 1e6);
        String sampler = t.string("sampler", "tpe");
        if (!Samplers.NAMES.contains(sampler)) {
            throw t.error("tuning.sampler", "use " + String.join(", ", Samplers.NAMES) + ", got '" + sampler + "'");
        }
        String pruner = t.string("pruner", "median");
        if (!Samplers.PRUNERS.contains(pruner)) {
            throw t.error("tuning.pruner", "use " + String.join(", ", Samplers.PRUNERS) + ", got '" + pruner + "'");
        }
        int startup = t.integer("pruner_startup_trials", 5, 0, 10_000);
        int warmup = t.integer("pruner_warmup_epochs", 1, 0, 10_000);
        int[] seq = intRange(t, "seq_len", 16, 64);
        int[] hidden = intRange(t, "hidden_size", 16, 64);
        int[] layers = intRange(t, "num_layers", 1, 2);
        double[] dropout = range(t, "dropout", 0.0, 0.3);
        double[] lr = range(t, "lr", 1e-4, 1e-2);
        boolean tunedEpochsSet = t.has("epochs");
        int[] epochs = intRange(t, "epochs", 2, 4);
        Integer fixed = fixedEpochs(cfg);
        if (fixed != null) {
            if (tunedEpochsSet) {
                throw new UserInputException(cfg.label() + ": model.epochs and tuning.epochs are both set: give "
                        + "model.epochs (--epochs N: every trial trains N epochs) or the tuned range tuning.epochs, not both");
            }
            epochs = new int[] {fixed, fixed};
        }
        double[] thr = range(t, "threshold", 0.0, 1.5);
        int jobs = t.integer("jobs", 1, 1, 64);
        int threads = t.integer("threads", 1, 0, 256);
        t.rejectUnknownKeys();
        AssetTuner.Space space = new AssetTuner.Space(seq[0], seq[1], hidden[0], hidden[1], layers[0], layers[1],
                dropout[0], dropout[1], lr[0], lr[1], epochs[0], epochs[1], thr[0], thr[1]);

        ConfigSection u = cfg.section("universe");
        ConfigSection iv = u.section("intervals");
        Map<Symbol, Interval> intervals = new LinkedHashMap<>();
        for (Symbol s : cfg.data().tickers()) {
            intervals.put(s, iv.parsed(s.value(), cfg.data().interval().code(), Interval::parse));
        }
        ConfigSection pp = u.section("periods_per_year");
        Map<Symbol, Integer> ppy = new LinkedHashMap<>();
        for (Symbol s : cfg.data().tickers()) {
            if (pp.has(s.value())) {
                ppy.put(s, pp.integer(s.value(), 252, 1, 1_000_000));
            }
        }
        boolean commonEnd = u.bool("common_end", true);
        u.rejectUnknownKeys();

        ConfigSection p = cfg.section("portfolio");
        MertonSpec merton = new MertonSpec(p.number("risk_aversion", 3.0, 1e-6, 1e6), p.number("half_life", 20, 1, 1e6),
                p.integer("warmup", 20, 2, 100_000), p.number("max_abs_weight", 1.0, 1e-6, 100),
                p.number("max_leverage", 2.0, 1e-6, 100), p.bool("allow_short", false));
        double maxWeight = p.number("max_weight", 1.0, 0.01, 1.0);
        p.rejectUnknownKeys();
        return new MultiAssetSettings(trials, goal, lambda, sampler, pruner, startup, warmup, space, jobs, intervals,
                ppy, commonEnd, merton, maxWeight, threads);
    }

    /**
     * {@code model.epochs} (CLI {@code --epochs N}) when the experiment sets it: every trial then trains exactly that
     * many epochs (the tuned range becomes [N, N]); null when the epochs are tuned.
     */
    public static Integer fixedEpochs(ExperimentConfig cfg) {
        return cfg.presentKeys().contains("model.epochs") ? cfg.model().epochs() : null;
    }

    /** PyTorch threads per training: {@code threads}, or with 0 the available cores divided among the jobs. */
    public int threadsPerTraining() {
        return threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() / jobs);
    }

    /** The tuner settings for one asset annualised with {@code periodsPerYear}. */
    public AssetTuner.Settings tunerSettings(ExperimentConfig cfg, int periodsPerYear, int threads) {
        var b = cfg.backtest();
        BacktestConfig bc = b.engine(periodsPerYear, 1.0);
        return new AssetTuner.Settings(space, goal, lambda, cfg.split().train(), cfg.split().validation(), bc,
                cfg.signal().allowShort(), cfg.model().batchSize(), cfg.seed(), threads, periodsPerYear,
                cfg.model().cell(), cfg.model().retrain());
    }

    /** A fresh sampler as configured. */
    public Sampler newSampler(long seed) {
        return newSampler(seed, jobs);
    }

    /**
     * A fresh sampler as configured for a study run on {@code parallelJobs} threads (more than one switches on
     * TPE's constant liar); {@code grid} tries 3 values per numeric parameter of the search space (low, middle,
     * high; log-spaced for the learning rate) in an order shuffled by the seed.
     */
    public Sampler newSampler(long seed, int parallelJobs) {
        return Samplers.create(sampler, seed, parallelJobs > 1,
                () -> Samplers.probe(t -> AssetTuner.Params.suggest(t, space)), 3);
    }

    /** A fresh pruner as configured (median: Optuna's MedianPruner; halving: ASHA with η = 2 from epoch 1). */
    public Pruner newPruner() {
        return switch (pruner) {
            case "median" -> new MedianPruner(prunerStartup, prunerWarmup);
            case "halving" -> new SuccessiveHalvingPruner(1, 2, 0);
            case "hyperband" -> new HyperbandPruner(1, Math.max(1, space.epochsHigh()), 3);
            default -> Pruner.none();
        };
    }

    private static int[] intRange(ConfigSection s, String key, int lo, int hi) {
        List<Integer> v = s.list(key, List.of(lo, hi), x -> {
            try {
                return Integer.parseInt(x.strip());
            } catch (NumberFormatException e) {
                throw new UserInputException("expected whole numbers, got '" + x + "'");
            }
        });
        if (v.size() != 2 || v.get(0) > v.get(1)) {
            throw s.error("tuning." + key, "expected [low, high] with low ≤ high, got " + v);
        }
        return new int[] {v.get(0), v.get(1)};
    }

    private static double[] range(ConfigSection s, String key, double lo, double hi) {
        List<Double> v = s.list(key, List.of(lo, hi), x -> {
            try {
                return Double.parseDouble(x.strip());
            } catch (NumberFormatException e) {
                throw new UserInputException("expected numbers, got '" + x + "'");
            }
        });
        if (v.size() != 2 || v.get(0) > v.get(1)) {
            throw s.error("tuning." + key, "expected [low, high] with low ≤ high, got " + v);
        }
        return new double[] {v.get(0), v.get(1)};
    }
}
