package org.quantlstm.features.scale;

import java.util.Arrays;
import java.util.List;
import org.quantlstm.features.FeatureMatrix;

/**
 * Min-max scaling to [0, 1] over the training rows: {@code z = (x − min) / (max − min)} (scikit-learn's
 * {@code MinMaxScaler}, the seed systems' choice). Values outside the training range map outside [0, 1]
 * (no clipping: later prices may exceed the training range). A constant training column gets divisor 1.
 * NaN values in the training rows are ignored.
 */
public record MinMaxScaler(List<String> columns, double[] offset, double[] scale) implements Scaler {
    public MinMaxScaler {
        columns = List.copyOf(columns);
        offset = Fit.copy(offset, columns.size(), "offset");
        scale = Fit.copy(scale, columns.size(), "scale");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MinMaxScaler other && columns.equals(other.columns) && Arrays.equals(offset, other.offset)
                && Arrays.equals(scale, other.scale);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * columns.hashCode() + Arrays.hashCode(offset)) + Arrays.hashCode(scale);
    }

    @Override
    public String toString() {
        return "MinMaxScaler" + columns + " offset=" + Arrays.toString(offset) + " scale=" + Arrays.toString(scale);
    }

    @Override
    public double[] offset() {
        return offset.clone();
    }

    @Override
    public double[] scale() {
        return scale.clone();
    }

    @Override
    public double transform(int c, double x) {
        return (x - offset[c]) / scale[c];
    }

    @Override
    public double inverse(int c, double z) {
        return z * scale[c] + offset[c];
    }

    /** Fits on rows {@code [fromRow, toRow)} of every column. */
    public static MinMaxScaler fit(FeatureMatrix m, int fromRow, int toRow) {
        double[][] cols = new double[m.width()][];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = m.column(c);
        }
        return fit(m.names(), cols, fromRow, toRow);
    }

    /** Fits a one-column scaler, e.g. for a target. */
    public static MinMaxScaler fitColumn(String name, double[] x, int fromRow, int toRow) {
        return fit(List.of(name), new double[][] {x}, fromRow, toRow);
    }

    public static MinMaxScaler fit(List<String> names, double[][] cols, int fromRow, int toRow) {
        double[] off = new double[cols.length];
        double[] sc = new double[cols.length];
        for (int c = 0; c < cols.length; c++) {
            Fit.checkRange(cols[c].length, fromRow, toRow);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int r = fromRow; r < toRow; r++) {
                double v = cols[c][r];
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            if (lo > hi) {
                throw Fit.noFinite(names.get(c), fromRow, toRow);
            }
            off[c] = lo;
            sc[c] = hi > lo ? hi - lo : 1.0;
        }
        return new MinMaxScaler(names, off, sc);
    }
}
