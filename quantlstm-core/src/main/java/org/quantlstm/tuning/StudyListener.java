package org.quantlstm.tuning;

import java.util.Optional;

/** Told about every trial a study runs in this process, after it is stored; calls are serialised. */
@FunctionalInterface
public interface StudyListener {

    /**
     * @param trial   the finished trial (COMPLETE, PRUNED or FAIL)
     * @param best    the study's best COMPLETE trial so far, counting every worker
     * @param failure why a FAIL trial failed (empty otherwise)
     */
    void trialFinished(FrozenTrial trial, Optional<FrozenTrial> best, Optional<String> failure);
}
