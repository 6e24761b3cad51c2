package org.quantlstm.features;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * A feature table in columnar form: ordered column names, one {@code double[]} per column (all of the same
 * length), the bar timestamps (epoch milliseconds, UTC) and the index of the first row where every column is
 * finite. Values before a feature's warm-up are NaN.
 *
 * <p>Like {@link Windows}, this class takes ownership of the arrays passed to {@link #of} (no copy, they can
 * be large); {@link #column(int)} returns the internal array for speed and callers must not modify it. Use
 * {@link #columnCopy(int)} for a private copy.
 */
public final class FeatureMatrix {
    private final List<String> names;
    private final long[] times;
    private final double[][] columns;
    private final int firstCompleteRow;

    private FeatureMatrix(List<String> names, long[] times, double[][] columns) {
        this.names = List.copyOf(names);
        if (columns.length != this.names.size() || columns.length == 0) {
            throw new IllegalArgumentException(columns.length + " columns for " + this.names.size() + " names");
        }
        if (new HashSet<>(this.names).size() != this.names.size()) {
            throw new IllegalArgumentException("duplicate column names in " + this.names);
        }
        for (double[] c : columns) {
            if (c.length != times.length) {
                throw new IllegalArgumentException("column length " + c.length + " != " + times.length + " rows");
            }
        }
        this.times = times;
        this.columns = columns;
        this.firstCompleteRow = scanFirstComplete();
    }

    /** Wraps the arrays (no copy; see the class comment). */
    public static FeatureMatrix of(List<String> names, long[] epochMillis, double[][] columns) {
        return new FeatureMatrix(names, epochMillis, columns);
    }

    public List<String> names() {
        return names;
    }

    public int rows() {
        return times.length;
    }

    public int width() {
        return columns.length;
    }

    public long epochMillis(int row) {
        return times[row];
    }

    /** The timestamps (a copy). */
    public long[] epochMillis() {
        return times.clone();
    }

    /** The internal column array: do not modify. */
    public double[] column(int c) {
        return columns[c];
    }

    /** The internal column array of the named column: do not modify. */
    public double[] column(String name) {
        return columns[indexOf(name)];
    }

    public double[] columnCopy(int c) {
        return columns[c].clone();
    }

    public double value(int row, int c) {
        return columns[c][row];
    }

    /** Index of a column by name; throws if absent. */
    public int indexOf(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column '" + name + "' in " + names);
        }
        return i;
    }

    /**
     * The first row at which every column is finite ({@link #rows()} if there is none). Later rows may still
     * hold an occasional NaN (e.g. a volume change after a zero-volume bar); {@link #isComplete(int)} tells.
     */
    public int firstCompleteRow() {
        return firstCompleteRow;
    }

    /** Whether every column is finite at {@code row}. */
    public boolean isComplete(int row) {
        for (double[] c : columns) {
            if (!Double.isFinite(c[row])) {
                return false;
            }
        }
        return true;
    }

    /** Rows [from, to) as a new matrix (copies). */
    public FeatureMatrix slice(int from, int to) {
        double[][] cols = new double[columns.length][];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = Arrays.copyOfRange(columns[c], from, to);
        }
        return new FeatureMatrix(names, Arrays.copyOfRange(times, from, to), cols);
    }

    /** One flat column-major copy: value of column {@code c} at row {@code r} at {@code c * rows() + r}. */
    public double[] toColumnMajor() {
        int n = rows();
        double[] flat = new double[n * columns.length];
        for (int c = 0; c < columns.length; c++) {
            System.arraycopy(columns[c], 0, flat, c * n, n);
        }
        return flat;
    }

    private int scanFirstComplete() {
        for (int r = 0; r < times.length; r++) {
            if (isComplete(r)) {
                return r;
            }
        }
        return times.length;
    }

    @Override
    public String toString() {
        return "FeatureMatrix[" + rows() + " rows x " + width() + " columns " + names + ", first complete row "
                + firstCompleteRow + "]";
    }
}
