package org.quantlstm.tuning;

/**
 * The range of one hyperparameter. Samplers work on an internal double: for numeric parameters the value
 * itself, or its natural logarithm when the distribution is log-scaled; for categoricals the index of the
 * choice. {@link #external} maps an internal double back to the value handed to the objective (rounded to
 * the step grid and clipped to the bounds).
 */
public sealed interface Distribution permits IntDistribution, FloatDistribution, CategoricalDistribution {

    /** True when {@code value} (as stored in a trial's parameters) is a legal value of this distribution. */
    boolean contains(Object value);

    /** Internal (sampler-space) representation of a legal external value. */
    double internal(Object value);

    /** The external value closest to an internal double: rounded to the grid and clipped to the bounds. */
    Object external(double internal);

    /** Lower bound of the internal space used by continuous samplers (widened by half a step for steps). */
    double internalLow();

    /** Upper bound of the internal space used by continuous samplers (widened by half a step for steps). */
    double internalHigh();
}
