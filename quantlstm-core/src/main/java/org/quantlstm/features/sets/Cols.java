package org.quantlstm.features.sets;

import java.util.ArrayList;
import java.util.List;

/** Collects named columns in order for a feature set. */
final class Cols {
    private final List<String> names = new ArrayList<>();
    private final List<double[]> columns = new ArrayList<>();

    Cols add(String name, double[] column) {
        names.add(name);
        columns.add(column);
        return this;
    }

    List<String> names() {
        return names;
    }

    double[][] columns() {
        return columns.toArray(new double[0][]);
    }
}
