package org.quantlstm.tuning;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Joint ("relative") sampling on top of the define-by-run {@link Sampler#sample} call, for samplers that model
 * several parameters together (multivariate TPE, CMA-ES).
 *
 * <p>Stored trials keep parameter values, not their ranges, so the joint search space is learned from the
 * suggestions this sampler instance has seen: every parameter asked for so far, with the range it was first
 * asked with, sorted by name. The first time a trial asks for a parameter, one joint point over that whole space is
 * drawn and cached for the trial; later asks of the same trial read from it, whatever their order. A parameter
 * not in the cached point (asked for the first time in this process, or with another range) falls back to the
 * sampler's independent rule. So in a fresh process the first trial after a resume samples independently, and
 * from the next one on jointly.
 */
final class RelativeSpace {
    private static final int KEEP = 512;
    private final Map<String, Distribution> known = new TreeMap<>();
    private final Map<Integer, Map<String, Object>> points = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Map<String, Object>> eldest) {
            return size() > KEEP;
        }
    };

    /**
     * The value of {@code name} for trial {@code trialNumber} from the joint point (drawn by {@code joint} over the
     * known space on the trial's first ask), or null when it must be sampled independently.
     */
    synchronized Object value(int trialNumber, String name, Distribution distribution,
                              Function<Map<String, Distribution>, Map<String, Object>> joint) {
        known.putIfAbsent(name, distribution);
        Map<String, Object> point = points.get(trialNumber);
        if (point == null) {
            point = joint.apply(Collections.unmodifiableMap(new TreeMap<>(known)));
            points.put(trialNumber, point);
        }
        Object v = point.get(name);
        return v != null && distribution.equals(known.get(name)) && distribution.contains(v) ? v : null;
    }
}
