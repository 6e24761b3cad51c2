package org.quantlstm.features;

/**
 * Supervised samples for sequence models, without per-sample objects.
 *
 * <p>{@code x} is row-major (samples, lookback, features): the value of feature {@code f} at step {@code s}
 * of window {@code i} is {@code x[(i * lookback + s) * features + f]}. Window {@code i} holds bars
 * {@code endIndex[i] - lookback + 1 .. endIndex[i]} of the source series (inclusive), so {@code endIndex[i]}
 * is the decision bar: everything in the window is known at its close. {@code y[i]} is the target for that
 * window (e.g. the next close or the next log return), known only after {@code endIndex[i]}.
 *
 * <p>The arrays can be hundreds of megabytes, so this record takes ownership of them instead of copying:
 * callers must not modify them after construction.
 */
public record Windows(float[] x, float[] y, int[] endIndex, int samples, int lookback, int features)
        implements java.io.Serializable {
    public Windows {
        if (samples < 0 || lookback <= 0 || features <= 0) {
            throw new IllegalArgumentException("bad window shape (" + samples + ", " + lookback + ", " + features + ")");
        }
        if (x.length != (long) samples * lookback * features || y.length != samples || endIndex.length != samples) {
            throw new IllegalArgumentException("window arrays do not match shape (" + samples + ", " + lookback + ", "
                    + features + "): x=" + x.length + " y=" + y.length + " endIndex=" + endIndex.length);
        }
    }

    /** Windows [from, to) as a new record (copies). */
    public Windows slice(int from, int to) {
        int per = lookback * features;
        return new Windows(java.util.Arrays.copyOfRange(x, from * per, to * per), java.util.Arrays.copyOfRange(y, from, to),
                java.util.Arrays.copyOfRange(endIndex, from, to), to - from, lookback, features);
    }
}
