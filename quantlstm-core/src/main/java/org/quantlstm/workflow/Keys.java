package org.quantlstm.workflow;

import java.util.Set;
import java.util.TreeSet;

/** Groups of experiment keys that systems declare (see {@link TradingSystem#keys()}). */
public final class Keys {
    private Keys() {
    }

    /** The forecast stage's keys (model section). */
    public static final Set<String> MODEL = Set.of("model.net", "model.cell", "model.lookback", "model.epochs",
            "model.batch_size", "model.learning_rate", "model.patience", "model.loss", "model.target", "model.hidden",
            "model.layers", "model.dropout", "model.retrain", "model.retrain_every", "model.retrain_window");

    /** Execution and costs as the single-asset engine reads them. */
    public static final Set<String> BACKTEST = Set.of("backtest.cost_bps", "backtest.slippage_bps", "backtest.min_cost",
            "backtest.fill", "backtest.initial_capital", "backtest.risk_free", "backtest.per_share", "backtest.impact",
            "backtest.impact_bps", "backtest.max_participation", "backtest.borrow_bps",
            "backtest.financing_spread_bps", "backtest.max_gross");

    /** The union of groups and single keys, sorted. */
    public static Set<String> of(Object... parts) {
        TreeSet<String> out = new TreeSet<>();
        for (Object p : parts) {
            if (p instanceof String s) {
                out.add(s);
            } else if (p instanceof Set<?> set) {
                set.forEach(k -> out.add((String) k));
            } else {
                throw new IllegalArgumentException(String.valueOf(p));
            }
        }
        return java.util.Collections.unmodifiableSet(out);
    }

    /** {@code keys} without the listed ones. */
    public static Set<String> without(Set<String> keys, String... removed) {
        TreeSet<String> out = new TreeSet<>(keys);
        for (String r : removed) {
            out.remove(r);
        }
        return java.util.Collections.unmodifiableSet(out);
    }
}
