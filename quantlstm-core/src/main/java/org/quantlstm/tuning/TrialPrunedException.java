package org.quantlstm.tuning;

/**
 * Thrown by an objective when {@link Trial#shouldPrune()} says so (Optuna's {@code raise TrialPruned()}):
 * the study records the trial as PRUNED and keeps its intermediate values.
 */
public final class TrialPrunedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrialPrunedException(int trialNumber, int step) {
        super("trial " + trialNumber + " pruned at step " + step, null, false, false);
    }
}
