package org.quantlstm.tuning;

/**
 * Life cycle of a trial. A trial is created RUNNING and ends COMPLETE (finite value), PRUNED (stopped
 * by a pruner after some reports) or FAIL (the objective threw, returned NaN/infinity, or its process
 * died while the trial was running).
 */
public enum TrialState {
    RUNNING,
    COMPLETE,
    PRUNED,
    FAIL;

    /** COMPLETE or PRUNED: the trial ran its course and counts towards a study's trial budget. */
    public boolean finished() {
        return this == COMPLETE || this == PRUNED;
    }
}
