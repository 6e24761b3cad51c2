package org.quantlstm.systems.multiasset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.quantlstm.analytics.Pbo;
import org.quantlstm.tuning.FrozenTrial;
import org.quantlstm.tuning.TrialState;

/**
 * The probability of backtest overfitting of one asset's tuning (issue 14, item 5): the family is the asset's COMPLETE
 * trials that traded (some non-zero per-bar return), each represented by its strategy's per-bar returns on the
 * validation segment, the segment the trials were chosen on. {@link Pbo} (CSCV, performance = per-period Sharpe) with
 * S = min(16, ⌊T/10⌋ rounded down to even) blocks, the rule spy-analyser uses. Pruned and failed trials have no
 * returns and are left out. Not computed (and {@code result} null, {@code reason} saying why) with fewer than 2 trials
 * that traded or fewer than 20 validation bars.
 *
 * @param result the PBO, or null
 * @param trials the size of the family (trials that traded)
 * @param reason why it was not computed, or null
 */
public record TrialPbo(Pbo.Result result, int trials, String reason) {

    public TrialPbo {
        if ((result == null) == (reason == null)) {
            throw new IllegalArgumentException("exactly one of a PBO result and a reason");
        }
    }

    /** PBO over the COMPLETE {@code trials} whose validation returns are in {@code returns} and not all zero. */
    public static TrialPbo of(List<FrozenTrial> trials, Map<Integer, double[]> returns) {
        List<double[]> family = new ArrayList<>();
        for (FrozenTrial t : trials) {
            double[] r = returns.get(t.number());
            if (t.state() == TrialState.COMPLETE && r != null && traded(r)) {
                family.add(r);
            }
        }
        if (family.size() < 2) {
            return new TrialPbo(null, family.size(), "fewer than 2 trials that traded (" + family.size() + ")");
        }
        int bars = family.get(0).length;
        for (double[] r : family) {
            if (r.length != bars) {
                throw new IllegalStateException("trials' validation returns differ in length: " + bars + " and " + r.length);
            }
        }
        int s = blocks(bars);
        if (s < 2) {
            return new TrialPbo(null, family.size(), "too few bars (" + bars + " validation returns, need 20)");
        }
        double[][] panel = new double[bars][family.size()];
        for (int j = 0; j < family.size(); j++) {
            for (int t = 0; t < bars; t++) {
                panel[t][j] = family.get(j)[t];
            }
        }
        return new TrialPbo(Pbo.of(panel, s), family.size(), null);
    }

    /** S: at most 16, at least 10 periods per block, even. */
    static int blocks(int periods) {
        return Math.min(16, (periods / 10) & ~1);
    }

    private static boolean traded(double[] r) {
        for (double v : r) {
            if (v != 0) {
                return true;
            }
        }
        return false;
    }

    /** {@code PBO over N trials (CSCV, S=…): x.xxx}, or why not. */
    public String line() {
        if (result == null) {
            return "PBO over trials: not computed, " + reason;
        }
        return String.format(Locale.ROOT, "PBO over %d trials (CSCV, S=%d): %.3f", trials, result.blocks(), result.pbo());
    }

    /** The metrics.json entry: pbo, trials, blocks, block size, splits and the logits, or pbo NaN with a note. */
    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", "combinatorially symmetric cross-validation (Bailey, Borwein, Lopez de Prado, Zhu 2017) over "
                + "the completed tuning trials that traded, their per-bar validation returns, performance = per-period Sharpe");
        if (result == null) {
            m.put("pbo", Double.NaN);
            m.put("strategies", trials);
            m.put("note", "not computed: " + reason);
            return m;
        }
        m.put("pbo", result.pbo());
        m.put("strategies", result.strategies());
        m.put("blocks", result.blocks());
        m.put("block_size", result.blockSize());
        m.put("splits", result.splits());
        m.put("logits", result.logits());
        return m;
    }
}
