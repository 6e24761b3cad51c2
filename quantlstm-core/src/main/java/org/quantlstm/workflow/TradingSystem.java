package org.quantlstm.workflow;

import java.util.Set;

/**
 * One trading system (a reproduced seed or a new one): what it is called, which experiment keys it reads, the
 * plan those keys resolve to, and how it runs. Systems live in their own packages under
 * {@code org.quantlstm.systems} and are listed once in {@code systems.Systems}; a new system is one package and
 * one line there.
 *
 * <p>Every key is honoured or rejected: {@link #keys()} lists the dotted keys the system reads ({@code section.*}
 * for every key of a section), a key set in an experiment and not listed is an error before anything runs, and
 * {@link #plan} turns the keys into the typed settings the run uses, so that changing any listed key changes
 * the plan (a key-coverage test walks every key).
 */
public interface TradingSystem {
    /** The name used by {@code system:} in an experiment file and by {@code quantlstm run NAME}. */
    String name();

    /** One line for listings. */
    String description();

    /** The dotted experiment keys this system reads ({@code name}, {@code system} and {@code seed} always). */
    Set<String> keys();

    /**
     * The run plan: every setting the run will use, resolved from the experiment and typed (a record, compared
     * with {@code equals}). Invalid settings are user errors here, before any data is read.
     */
    Record plan(ExperimentConfig config);

    /** Runs the experiment end to end and commits its run folder. */
    RunOutcome run(ExperimentConfig config, RunContext context);
}
