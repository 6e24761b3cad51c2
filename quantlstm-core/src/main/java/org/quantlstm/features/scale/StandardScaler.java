package org.quantlstm.features.scale;

import java.util.Arrays;
import java.util.List;
import org.quantlstm.features.FeatureMatrix;

/**
 * Standardisation over the training rows: {@code z = (x − mean) / std} with the population standard deviation
 * (ddof = 0, as scikit-learn's {@code StandardScaler}); a constant training column gets divisor 1. NaN values
 * in the training rows are ignored. Mean and variance by Welford's one-pass update.
 */
public record StandardScaler(List<String> columns, double[] offset, double[] scale) implements Scaler {
    public StandardScaler {
        columns = List.copyOf(columns);
        offset = Fit.copy(offset, columns.size(), "offset");
        scale = Fit.copy(scale, columns.size(), "scale");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StandardScaler other && columns.equals(other.columns) && Arrays.equals(offset, other.offset)
                && Arrays.equals(scale, other.scale);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * columns.hashCode() + Arrays.hashCode(offset)) + Arrays.hashCode(scale);
    }

    @Override
    public String toString() {
        return "StandardScaler" + columns + " offset=" + Arrays.toString(offset) + " scale=" + Arrays.toString(scale);
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
    public static StandardScaler fit(FeatureMatrix m, int fromRow, int toRow) {
        double[][] cols = new double[m.width()][];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = m.column(c);
        }
        return fit(m.names(), cols, fromRow, toRow);
    }

    /** Fits a one-column scaler, e.g. for a target. */
    public static StandardScaler fitColumn(String name, double[] x, int fromRow, int toRow) {
        return fit(List.of(name), new double[][] {x}, fromRow, toRow);
    }

    public static StandardScaler fit(List<String> names, double[][] cols, int fromRow, int toRow) {
        double[] off = new double[cols.length];
        double[] sc = new double[cols.length];
        for (int c = 0; c < cols.length; c++) {
            Fit.checkRange(cols[c].length, fromRow, toRow);
            long n = 0;
            double mean = 0;
            double m2 = 0;
            for (int r = fromRow; r < toRow; r++) {
                double v = cols[c][r];
                if (Double.isFinite(v)) {
                    n++;
                    double d = v - mean;
                    mean += d / n;
                    m2 += d * (v - mean);
                }
            }
            if (n == 0) {
                throw Fit.noFinite(names.get(c), fromRow, toRow);
            }
            double std = Math.sqrt(m2 / n);
            off[c] = mean;
            sc[c] = std > 0 ? std : 1.0;
        }
        return new StandardScaler(names, off, sc);
    }
}
