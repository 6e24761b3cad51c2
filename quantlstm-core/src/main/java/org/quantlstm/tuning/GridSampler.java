package org.quantlstm.tuning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import org.quantlstm.common.UserInputException;

/**
 * Exhaustive search over the cartesian product of the given values. Each new trial gets, inside the
 * store's atomic allocation, the first grid point (in an order shuffled by the seed) that no COMPLETE,
 * PRUNED or RUNNING trial holds yet, so concurrent workers never repeat a point and a FAILed point is
 * tried again. When every point is taken the study stops. Values are Integer/Double/String and must lie in
 * the distributions the objective asks for.
 */
public final class GridSampler implements Sampler {
    private final List<String> names;
    private final List<Map<String, Object>> points;

    public GridSampler(Map<String, List<?>> grid, long seed) {
        if (grid.isEmpty()) {
            throw new UserInputException("grid sampler: the grid has no parameters");
        }
        this.names = List.copyOf(grid.keySet());
        List<Map<String, Object>> all = new ArrayList<>();
        all.add(new LinkedHashMap<>());
        for (String name : names) {
            List<?> values = grid.get(name);
            if (values == null || values.isEmpty()) {
                throw new UserInputException("grid sampler: parameter '" + name + "' has no values");
            }
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> partial : all) {
                for (Object v : values) {
                    Map<String, Object> p = new LinkedHashMap<>(partial);
                    p.put(name, TrialJson.normalise(v));
                    next.add(p);
                }
            }
            all = next;
        }
        Collections.shuffle(all, new Random(seed));
        this.points = all.stream().map(Collections::unmodifiableMap).toList();
    }

    /** Number of grid points. */
    public int size() {
        return points.size();
    }

    @Override
    public Optional<Map<String, Object>> fixedParams(List<FrozenTrial> trials) {
        for (Map<String, Object> point : points) {
            boolean taken = trials.stream().anyMatch(t -> t.state() != TrialState.FAIL && matches(t.params(), point));
            if (!taken) {
                return Optional.of(point);
            }
        }
        return Optional.empty();
    }

    private boolean matches(Map<String, Object> params, Map<String, Object> point) {
        for (String name : names) {
            if (!same(params.get(name), point.get(name))) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return Objects.equals(a, b);
    }

    @Override
    public Object sample(List<FrozenTrial> history, int trialNumber, String name, Distribution distribution,
                         Direction direction) {
        throw new UserInputException("grid sampler: parameter '" + name + "' is not in the grid " + names);
    }
}
