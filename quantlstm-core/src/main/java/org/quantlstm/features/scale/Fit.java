package org.quantlstm.features.scale;

import org.quantlstm.common.UserInputException;

/** Checks shared by the scalers' {@code fit} methods. */
final class Fit {
    private Fit() {
    }

    static void checkRange(int rows, int from, int to) {
        if (from < 0 || to > rows || from >= to) {
            throw new UserInputException("scaler training rows [" + from + ", " + to + ") are empty or outside "
                    + "0.." + rows);
        }
    }

    static UserInputException noFinite(String column, int from, int to) {
        return new UserInputException("column " + column + " has no finite value in training rows [" + from
                + ", " + to + ")");
    }

    static double[] copy(double[] a, int n, String what) {
        if (a == null || a.length != n) {
            throw new IllegalArgumentException(what + " must have one value per column (" + n + ")");
        }
        return a.clone();
    }
}
