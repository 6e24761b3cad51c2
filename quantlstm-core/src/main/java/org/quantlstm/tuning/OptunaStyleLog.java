package org.quantlstm.tuning;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Writes one Optuna-style line per finished trial, e.g.
 * {@code [I 2026-11-21 12:00:01,234] Trial 7 finished with value: 0.0123 and parameters: {'seq_len': 48,
 * 'lr': 0.001}. Best is trial 3 with value: 0.0101.} (timestamps UTC, numbers as Python prints them).
 */
public final class OptunaStyleLog implements StudyListener {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS")
            .withZone(ZoneOffset.UTC);
    private final Consumer<String> sink;

    public OptunaStyleLog(Consumer<String> sink) {
        this.sink = Objects.requireNonNull(sink);
    }

    @Override
    public void trialFinished(FrozenTrial trial, Optional<FrozenTrial> best, Optional<String> failure) {
        sink.accept(line(trial, best, failure));
    }

    /** The line for one trial, without a trailing newline. */
    public static String line(FrozenTrial trial, Optional<FrozenTrial> best, Optional<String> failure) {
        String prefix = "[" + (trial.state() == TrialState.FAIL ? "W " : "I ")
                + TIME.format(Instant.ofEpochMilli(Math.max(0, trial.endMs()))) + "] Trial " + trial.number();
        String bestPart = best.map(b -> " Best is trial " + b.number() + " with value: " + number(b.value()) + ".")
                .orElse("");
        return switch (trial.state()) {
            case COMPLETE -> prefix + " finished with value: " + number(trial.value()) + " and parameters: "
                    + params(trial.params()) + "." + bestPart + attrs(trial);
            case PRUNED -> prefix + " pruned at step " + trial.lastStep() + "." + bestPart;
            case FAIL -> prefix + " failed with parameters: " + params(trial.params())
                    + " because of the following error: " + failure.orElse("unknown") + ".";
            case RUNNING -> prefix + " is running.";
        };
    }

    private static String attrs(FrozenTrial t) {
        StringBuilder sb = new StringBuilder();
        t.userAttrs().forEach((k, v) -> sb.append(" [").append(k).append(": ").append(v).append(']'));
        return sb.toString();
    }

    /** The closing summary: the best trial's number, value, parameters and duration. */
    public static String bestSummary(Optional<FrozenTrial> best) {
        return best.map(b -> "Best trial: " + b.number() + " with value: " + number(b.value()) + " and parameters: "
                + params(b.params()) + " (" + b.durationMs() + " ms)").orElse("Best trial: none (no trial completed)");
    }

    /** Parameters as a Python dict literal. */
    public static String params(Map<String, Object> params) {
        StringBuilder sb = new StringBuilder("{");
        params.forEach((k, v) -> {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append('\'').append(k).append("': ");
            if (v instanceof String s) {
                sb.append('\'').append(s).append('\'');
            } else if (v instanceof Double d) {
                sb.append(number(d));
            } else {
                sb.append(v);
            }
        });
        return sb.append('}').toString();
    }

    /** A double as Python's repr writes it: 0.0123, 1e-05, 2.0, nan, inf. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        double a = Math.abs(v);
        if (a == 0 || (a >= 1e-4 && a < 1e16)) {
            String plain = new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        String s = Double.toString(v).replace('E', 'e');
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e).replaceAll("\\.0$", "");
        int exp = Integer.parseInt(s.substring(e + 1));
        return mantissa + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
    }
}
