package org.quantlstm.tuning;

import java.util.List;

/**
 * Decides whether a running trial should stop early, from its intermediate values and those of the
 * study's other trials. Called by {@link Trial#shouldPrune()} after each {@link Trial#report}.
 */
@FunctionalInterface
public interface Pruner {

    /**
     * @param trials    the study's trials (the current one included, as last stored)
     * @param current   the trial asking, with all its reports so far
     * @param direction the study's direction
     */
    boolean prune(List<FrozenTrial> trials, FrozenTrial current, Direction direction);

    /** Never prunes. */
    static Pruner none() {
        return (trials, current, direction) -> false;
    }
}
