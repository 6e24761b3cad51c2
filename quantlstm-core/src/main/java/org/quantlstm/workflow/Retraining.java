package org.quantlstm.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.quantlstm.common.UserInputException;

/**
 * Walk-forward retraining over the test segment ({@code model.retrain}, {@code model.retrain_every},
 * {@code model.retrain_window}), the same rule for every system.
 *
 * <p>The test decision bars are cut into consecutive blocks of {@code every} bars. Each block is forecast by a
 * model trained only on windows whose targets were realised strictly before the block's first decision bar
 * (decision bar + horizon &lt; block start: purged by the label horizon, one bar more conservative than needed).
 * {@code expanding} trains on every such window; {@code rolling} on those whose decision bar lies within the
 * last {@code window} bars. {@code none} (the seeds' choice) trains once, on the training segment.
 *
 * @param scheme none, expanding or rolling
 * @param every  test bars per block (ignored for none)
 * @param window bars of history per rolling fold (ignored otherwise)
 */
public record Retraining(Scheme scheme, int every, int window) {
    /** How the training window moves. */
    public enum Scheme {
        NONE, EXPANDING, ROLLING;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Scheme parse(String text) {
            return switch (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) {
                case "none" -> NONE;
                case "expanding" -> EXPANDING;
                case "rolling" -> ROLLING;
                default -> throw new UserInputException("unknown retrain scheme '" + text
                        + "': use none, expanding or rolling");
            };
        }
    }

    /** Train once (the default). */
    public static final Retraining NONE = new Retraining(Scheme.NONE, 0, 0);

    public Retraining {
        if (scheme == null) {
            throw new IllegalArgumentException("scheme");
        }
        if (scheme != Scheme.NONE && every < 1) {
            throw new UserInputException("model.retrain_every must be at least 1 bar for " + scheme.code()
                    + " retraining, got " + every);
        }
        if (scheme == Scheme.ROLLING && window < 2) {
            throw new UserInputException("model.retrain_window must be at least 2 bars for rolling retraining, got "
                    + window);
        }
        if (scheme == Scheme.NONE && (every != 0 || window != 0)) {
            throw new UserInputException("model.retrain_every / model.retrain_window are set but model.retrain is none;"
                    + " set model.retrain to expanding or rolling, or remove them");
        }
        if (scheme == Scheme.EXPANDING && window != 0) {
            throw new UserInputException("model.retrain_window applies to rolling retraining only; remove it or set "
                    + "model.retrain=rolling");
        }
    }

    /** Whether more than one model is trained. */
    public boolean active() {
        return scheme != Scheme.NONE;
    }

    /**
     * One block: decision bars [predictFrom, predictTo) are forecast by a model trained on windows whose decision
     * bars lie in [trainFrom, trainTo] (inclusive).
     */
    public record Fold(int predictFrom, int predictTo, int trainFrom, int trainTo) {
    }

    /**
     * The folds over test decision bars [testFrom, end), for targets {@code horizon} bars ahead; {@code firstBar}
     * is the earliest decision bar that can be a training window.
     */
    public List<Fold> folds(int testFrom, int end, int horizon, int firstBar) {
        if (!active()) {
            throw new IllegalStateException("no folds without retraining");
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon " + horizon);
        }
        List<Fold> out = new ArrayList<>();
        for (int s = testFrom; s < end; s += every) {
            int trainTo = s - horizon - 1;
            int trainFrom = scheme == Scheme.ROLLING ? Math.max(firstBar, s - window) : firstBar;
            out.add(new Fold(s, Math.min(end, s + every), trainFrom, trainTo));
        }
        return out;
    }

    /** For headers: {@code none (one model)}, {@code expanding every 20 bars}, {@code rolling every 20 bars over 250}. */
    public String describe() {
        return switch (scheme) {
            case NONE -> "none (one model)";
            case EXPANDING -> "expanding, every " + every + " bars";
            case ROLLING -> "rolling, every " + every + " bars over the last " + window + " bars";
        };
    }
}
