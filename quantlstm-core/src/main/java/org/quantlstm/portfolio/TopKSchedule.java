package org.quantlstm.portfolio;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.quantlstm.common.UserInputException;
import org.quantlstm.signal.Sizing;
import org.quantlstm.signal.TopKSizing;

/**
 * The cross-sectional seed's holding rules over time, as target weights: on every date's close the stocks are
 * screened and free slots are filled with the best scores above the entry threshold ({@link TopKSelector}); a
 * holding is reviewed only when at least {@code reviewDays} calendar days have passed since it was entered or
 * last reviewed, and is then sold if its score is below the exit threshold (kept, and the clock restarted,
 * otherwise). Each holding targets {@code positionWeight} of equity (the seed: 20 % = 1/K), set when it is
 * entered and left alone afterwards, so a backtest that sizes orders from the equity at the fill sizes each
 * entry from the current, compounded equity and lets winners run.
 *
 * <p>Causal by construction: the targets and decisions at date {@code t} read {@code scores[·][0..t]} and
 * {@code times[0..t]} only. A NaN score means "no score" (never entered; a held stock without a score on its
 * review date is kept).
 *
 * <p>Each date's decisions go through {@link TopKSelector#review(double[], double[], Sizing)} with a per-asset
 * {@link org.quantlstm.signal.Sizing}: by default {@link TopKSizing} with these rules; {@link #TopKSchedule(Rules,
 * Sizing)} takes any other (a holding is an asset whose target is not 0; a held asset not under review is sized with
 * a NaN score).
 */
public final class TopKSchedule {
    private static final long DAY_MS = 86_400_000L;

    /**
     * @param k              at most this many holdings
     * @param entryThreshold enter only with a score strictly above this (seed: 0.2)
     * @param exitThreshold  on review, sell when the score is strictly below this (seed: 0)
     * @param reviewDays     calendar days between reviews of a holding (seed: 7)
     * @param positionWeight fraction of equity per holding (seed: 0.2 = 1/K); k × weight must not exceed 1
     */
    public record Rules(int k, double entryThreshold, double exitThreshold, int reviewDays, double positionWeight) {
        public Rules {
            if (k < 1) {
                throw new UserInputException("top-K needs K >= 1, got " + k);
            }
            if (!(entryThreshold >= exitThreshold)) {
                throw new UserInputException("entry threshold " + entryThreshold + " must be >= exit threshold "
                        + exitThreshold);
            }
            if (reviewDays < 0) {
                throw new UserInputException("review days must be >= 0, got " + reviewDays);
            }
            if (!(positionWeight > 0) || positionWeight * k > 1 + 1e-12) {
                throw new UserInputException("position weight " + positionWeight + " × K " + k
                        + " must be in (0, 1] (no leverage)");
            }
        }

        /** The seed's rules: K = 5, enter above 0.2, exit below 0, review every 7 days, 20 % each. */
        public static Rules seed() {
            return new Rules(5, 0.2, 0.0, 7, 0.2);
        }

        /** These rules' per-asset decision as a sizing rule. */
        public TopKSizing sizing() {
            return new TopKSizing(k, entryThreshold, exitThreshold, positionWeight);
        }
    }

    /** What happened to one stock at one date's close. */
    public enum Action { ENTER, EXIT, KEEP }

    /** A decision at the close of {@code bar} (filled on the next bar); KEEP is logged for reviews that kept. */
    public record Decision(int bar, int asset, Action action, double score) {
    }

    /** Targets ({@code targets[asset][bar]}) and the decisions behind them, in date then asset order. */
    public record Plan(double[][] targets, List<Decision> decisions) {
        public Plan {
            decisions = List.copyOf(decisions);
        }

        /** Number of holdings decided at the close of {@code bar}. */
        public int holdings(int bar) {
            int h = 0;
            for (double[] row : targets) {
                if (row[bar] != 0) {
                    h++;
                }
            }
            return h;
        }
    }

    private final Rules rules;
    private final Sizing sizing;

    public TopKSchedule(Rules rules) {
        this(rules, Objects.requireNonNull(rules, "rules").sizing());
    }

    /** The rules' review calendar with another per-asset sizing rule (see {@link TopKSelector#review}). */
    public TopKSchedule(Rules rules, Sizing sizing) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.sizing = Objects.requireNonNull(sizing, "sizing");
    }

    public Rules rules() {
        return rules;
    }

    /**
     * Plans the holdings.
     *
     * @param times  date of each bar, epoch ms, increasing
     * @param scores {@code scores[asset][bar]}, NaN where a stock has no score
     */
    public Plan plan(long[] times, double[][] scores) {
        int m = scores.length;
        int n = times.length;
        for (double[] s : scores) {
            if (s.length != n) {
                throw new IllegalArgumentException("score rows must have " + n + " bars, got " + s.length);
            }
        }
        double[][] targets = new double[m][n];
        boolean[] held = new boolean[m];
        double[] position = new double[m];
        long[] anchor = new long[m];
        List<Decision> log = new ArrayList<>();
        double[] s = new double[m];
        long reviewMs = rules.reviewDays() * DAY_MS;
        for (int t = 0; t < n; t++) {
            if (t > 0 && times[t] <= times[t - 1]) {
                throw new IllegalArgumentException("times must increase (bar " + t + ")");
            }
            boolean[] due = new boolean[m];
            for (int a = 0; a < m; a++) {
                s[a] = scores[a][t];
                if (held[a]) {
                    due[a] = times[t] - anchor[a] >= reviewMs;
                    if (!due[a]) {
                        s[a] = Double.NaN; // not under review today: kept whatever its score
                    }
                }
            }
            double[] next = TopKSelector.review(position, s, sizing);
            for (int a = 0; a < m; a++) {
                boolean nowHeld = next[a] != 0;
                if (held[a] && !nowHeld) {
                    log.add(new Decision(t, a, Action.EXIT, scores[a][t]));
                } else if (held[a] && due[a]) {
                    anchor[a] = times[t];
                    log.add(new Decision(t, a, Action.KEEP, scores[a][t]));
                } else if (!held[a] && nowHeld) {
                    anchor[a] = times[t];
                    log.add(new Decision(t, a, Action.ENTER, scores[a][t]));
                }
                held[a] = nowHeld;
                position[a] = next[a];
                targets[a][t] = next[a];
            }
        }
        return new Plan(targets, log);
    }
}
