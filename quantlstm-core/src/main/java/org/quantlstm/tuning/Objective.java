package org.quantlstm.tuning;

/**
 * The function a study optimises: it asks the trial for parameters (define-by-run), may report
 * intermediate values and throw {@link TrialPrunedException}, and returns one finite number.
 * A NaN or infinite result, or any exception other than pruning, marks the trial FAIL.
 */
@FunctionalInterface
public interface Objective {
    double evaluate(Trial trial) throws Exception;
}
