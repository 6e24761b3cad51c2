package org.quantlstm.common;

/**
 * A chronological split of {@code n} ordered samples into train [0, trainEnd), validation
 * [trainEnd, validEnd) and test [validEnd, n). Never random: later samples are always in later segments.
 */
public record DataSplit(int n, int trainEnd, int validEnd) {
    public DataSplit {
        if (n < 0 || trainEnd < 0 || trainEnd > validEnd || validEnd > n) {
            throw new IllegalArgumentException("invalid split: n=" + n + " trainEnd=" + trainEnd + " validEnd=" + validEnd);
        }
    }

    /**
     * The seed-001 convention: {@code trainFraction} of the samples (e.g. 0.7) for train+validation, the rest for
     * test; the last {@code validFraction} of the train part (e.g. 0.1) is carved off for validation.
     */
    public static DataSplit chronological(int n, double trainFraction, double validFraction) {
        if (!(trainFraction > 0 && trainFraction <= 1) || !(validFraction >= 0 && validFraction < 1)) {
            throw new UserInputException("split fractions must be in (0,1]: train=" + trainFraction + " valid=" + validFraction);
        }
        int testStart = (int) Math.floor(n * trainFraction);
        int trainEnd = testStart - (int) Math.floor(testStart * validFraction);
        return new DataSplit(n, trainEnd, testStart);
    }

    public int trainSize() {
        return trainEnd;
    }

    public int validSize() {
        return validEnd - trainEnd;
    }

    public int testSize() {
        return n - validEnd;
    }
}
