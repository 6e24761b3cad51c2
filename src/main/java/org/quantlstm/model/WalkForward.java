package org.quantlstm.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.quantlstm.common.UserInputException;
import org.quantlstm.features.Windows;

/**
 * Walk-forward retraining over chronologically ordered windows of one series: the first windows only train;
 * from then on a fresh model is trained every {@code retrainEvery} windows on windows whose targets were
 * already known, and predicts the next block. Every prediction therefore comes from a model that never saw
 * its own target or anything after it.
 *
 * <p>Knowability: window i's target is realised at bar {@code endIndex[i] + horizon} (horizon 1 for a
 * next-bar target). A window may train a model that predicts window j only when {@code endIndex[i] + horizon
 * < endIndex[j]} — strictly before j's decision bar, one bar more conservative than necessary. The rule is
 * checked against the first window of each predicted block, the earliest decision time the model serves.
 *
 * <p>Expanding mode trains on all eligible windows; rolling mode on the latest {@code rollingSize}. The last
 * {@code validFraction} of a fold's training windows is its validation segment (early stopping), as in the
 * one-shot split. Features must have been scaled with statistics of the first training segment only.
 */
public final class WalkForward {
    private WalkForward() {
    }

    /** Expanding or rolling training window. */
    public enum Mode { EXPANDING, ROLLING }

    /**
     * @param minTrain      windows needed before the first prediction
     * @param retrainEvery  predicted windows per fold (k bars between retrainings for a 1-bar step)
     * @param mode          expanding or rolling
     * @param rollingSize   training windows per fold in rolling mode (ignored when expanding)
     * @param validFraction share of a fold's training windows kept for validation, taken from its end
     * @param horizon       bars from a window's decision bar to its target's bar (≥ 1)
     */
    public record Plan(int minTrain, int retrainEvery, Mode mode, int rollingSize, double validFraction, int horizon) {
        public Plan {
            if (minTrain <= 0 || retrainEvery <= 0 || horizon <= 0 || !(validFraction >= 0 && validFraction < 1)
                    || (mode == Mode.ROLLING && rollingSize < minTrain)) {
                throw new UserInputException("bad walk-forward plan: minTrain=" + minTrain + " retrainEvery="
                        + retrainEvery + " mode=" + mode + " rollingSize=" + rollingSize + " validFraction="
                        + validFraction + " horizon=" + horizon);
            }
        }
    }

    /**
     * One retraining: train on windows [trainFrom, trainTo), validate on [trainTo, validTo), predict
     * [predictFrom, predictTo).
     */
    public record Fold(int trainFrom, int trainTo, int validTo, int predictFrom, int predictTo) {
    }

    /** Out-of-sample predictions for windows [firstPredicted, n) and the folds that made them. */
    public record Result(double[] predictions, int firstPredicted, List<Fold> folds, List<TrainingHistory> histories) {
        public Result {
            predictions = predictions.clone();
            folds = List.copyOf(folds);
            histories = List.copyOf(histories);
        }

        @Override
        public double[] predictions() {
            return predictions.clone();
        }
    }

    /** The folds of a plan over windows with these (strictly increasing) decision bars; no training involved. */
    public static List<Fold> folds(int[] endIndex, Plan plan) {
        int n = endIndex.length;
        for (int i = 1; i < n; i++) {
            if (endIndex[i] <= endIndex[i - 1]) {
                throw new UserInputException("walk-forward needs windows of one series in time order;"
                        + " endIndex not increasing at " + i);
            }
        }
        List<Fold> out = new ArrayList<>();
        int start = 0;
        while (start < n && eligible(endIndex, start, plan.horizon()) < plan.minTrain()) {
            start++;
        }
        for (int s = start; s < n; s += plan.retrainEvery()) {
            int e = eligible(endIndex, s, plan.horizon());
            int from = plan.mode() == Mode.EXPANDING ? 0 : Math.max(0, e - plan.rollingSize());
            int validCount = (int) Math.floor((e - from) * plan.validFraction());
            out.add(new Fold(from, e - validCount, e, s, Math.min(n, s + plan.retrainEvery())));
        }
        return out;
    }

    /** Number of leading windows whose targets are known strictly before window s's decision bar. */
    private static int eligible(int[] endIndex, int s, int horizon) {
        int e = s;
        while (e > 0 && endIndex[e - 1] + horizon >= endIndex[s]) {
            e--;
        }
        return e;
    }

    /**
     * Runs the plan: for each fold a new forecaster from {@code factory} (given the fold number, e.g. to derive
     * a seed), trained with {@code config}, predicts its block and is closed.
     */
    public static Result run(Windows windows, Plan plan, LongFunction<Forecaster> factory, TrainConfig config,
                             TrainingListener listener) {
        List<Fold> folds = folds(windows.endIndex(), plan);
        if (folds.isEmpty()) {
            throw new UserInputException("walk-forward: only " + windows.samples()
                    + " windows, fewer than minTrain=" + plan.minTrain() + " plus one to predict");
        }
        int first = folds.get(0).predictFrom();
        double[] predictions = new double[windows.samples() - first];
        List<TrainingHistory> histories = new ArrayList<>();
        for (int k = 0; k < folds.size(); k++) {
            Fold f = folds.get(k);
            try (Forecaster model = factory.apply(k)) {
                Windows valid = f.validTo() > f.trainTo() ? windows.slice(f.trainTo(), f.validTo()) : null;
                histories.add(model.fit(windows.slice(f.trainFrom(), f.trainTo()), valid, config, listener));
                double[] p = model.predict(windows.slice(f.predictFrom(), f.predictTo()));
                System.arraycopy(p, 0, predictions, f.predictFrom() - first, p.length);
            }
        }
        return new Result(predictions, first, folds, histories);
    }
}
