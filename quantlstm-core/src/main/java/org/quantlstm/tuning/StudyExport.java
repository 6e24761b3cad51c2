package org.quantlstm.tuning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A study's trials as text: a console summary ({@code study show}), CSV (one row per trial, one column per
 * parameter, in the manner of Optuna's {@code study.trials_dataframe()}) and JSON (every trial with its
 * intermediate values). Times are ISO-8601 UTC; a missing value is an empty CSV cell and a JSON null.
 */
public final class StudyExport {
    private StudyExport() {
    }

    /** Parameter names in first-suggested order over all trials. */
    public static List<String> paramNames(List<FrozenTrial> trials) {
        Set<String> names = new LinkedHashSet<>();
        trials.forEach(t -> names.addAll(t.params().keySet()));
        return List.copyOf(names);
    }

    /** User-attribute keys over all trials, sorted. */
    public static List<String> attrNames(List<FrozenTrial> trials) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        trials.forEach(t -> names.addAll(t.userAttrs().keySet()));
        return List.copyOf(names);
    }

    /** CSV: number,state,value,duration_ms,start,end,last_step,params_…,user_attrs_…; RFC 4180 quoting. */
    public static String csv(List<FrozenTrial> trials) {
        List<String> names = paramNames(trials);
        List<String> attrs = attrNames(trials);
        StringBuilder sb = new StringBuilder("number,state,value,duration_ms,datetime_start,datetime_complete,last_step");
        names.forEach(n -> sb.append(',').append(quote("params_" + n)));
        attrs.forEach(n -> sb.append(',').append(quote("user_attrs_" + n)));
        sb.append('\n');
        for (FrozenTrial t : trials) {
            sb.append(t.number()).append(',').append(t.state()).append(',')
                    .append(Double.isNaN(t.value()) ? "" : Double.toString(t.value())).append(',')
                    .append(t.durationMs() < 0 ? "" : Long.toString(t.durationMs())).append(',')
                    .append(Instant.ofEpochMilli(t.startMs())).append(',')
                    .append(t.endMs() < 0 ? "" : Instant.ofEpochMilli(t.endMs()).toString()).append(',')
                    .append(t.lastStep() < 0 ? "" : Integer.toString(t.lastStep()));
            for (String n : names) {
                Object v = t.params().get(n);
                sb.append(',').append(v == null ? "" : quote(String.valueOf(v)));
            }
            for (String n : attrs) {
                String v = t.userAttrs().get(n);
                sb.append(',').append(v == null ? "" : quote(v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** JSON: {study, direction, best_trial, trials: [{number, state, value, params, intermediate_values, …}]}. */
    public static String json(String study, Direction direction, List<FrozenTrial> trials) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("study", study);
        root.put("direction", direction.name().toLowerCase(Locale.ROOT));
        root.put("best_trial", Study.best(trials, direction).map(FrozenTrial::number).orElse(null));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FrozenTrial t : trials) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("number", t.number());
            r.put("state", t.state().name());
            r.put("value", Double.isFinite(t.value()) ? t.value() : null);
            r.put("params", t.params());
            Map<String, Object> iv = new LinkedHashMap<>();
            t.intermediateValues().forEach((k, v) -> iv.put(Integer.toString(k), Double.isFinite(v) ? v : null));
            r.put("intermediate_values", iv);
            r.put("user_attrs", t.userAttrs());
            r.put("datetime_start", Instant.ofEpochMilli(t.startMs()).toString());
            r.put("datetime_complete", t.endMs() < 0 ? null : Instant.ofEpochMilli(t.endMs()).toString());
            r.put("duration_ms", t.durationMs() < 0 ? null : t.durationMs());
            r.put("worker", t.owner().toString());
            rows.add(r);
        }
        root.put("trials", rows);
        try {
            return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode study " + study, e);
        }
    }

    /** The console view: counts by state, the best trial, then one line per trial. */
    public static String show(String study, Direction direction, List<FrozenTrial> trials) {
        StringBuilder sb = new StringBuilder();
        Map<TrialState, Long> counts = new LinkedHashMap<>();
        for (TrialState s : TrialState.values()) {
            counts.put(s, trials.stream().filter(t -> t.state() == s).count());
        }
        sb.append(String.format(Locale.ROOT, "Study '%s' (%s): %d trials: %d complete, %d pruned, %d failed, %d running%n",
                study, direction.name().toLowerCase(Locale.ROOT), trials.size(), counts.get(TrialState.COMPLETE),
                counts.get(TrialState.PRUNED), counts.get(TrialState.FAIL), counts.get(TrialState.RUNNING)));
        Optional<FrozenTrial> best = Study.best(trials, direction);
        sb.append(OptunaStyleLog.bestSummary(best)).append('\n');
        sb.append(String.format(Locale.ROOT, "%6s  %-8s  %20s  %9s  %5s  %s%n", "trial", "state", "value", "ms", "steps", "params"));
        for (FrozenTrial t : trials) {
            StringBuilder notes = new StringBuilder();
            t.userAttrs().forEach((k, v) -> notes.append("  [").append(k).append(": ").append(v).append(']'));
            sb.append(String.format(Locale.ROOT, "%6d  %-8s  %20s  %9s  %5s  %s%s%n", t.number(), t.state(),
                    Double.isNaN(t.value()) ? "-" : OptunaStyleLog.number(t.value()),
                    t.durationMs() < 0 ? "-" : Long.toString(t.durationMs()),
                    t.lastStep() < 0 ? "-" : Integer.toString(t.lastStep() + 1), OptunaStyleLog.params(t.params()), notes));
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
