package org.quantlstm.tuning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * CMA-ES (Hansen's covariance matrix adaptation evolution strategy, "The CMA Evolution Strategy: A Tutorial",
 * 2016, default parameters) for the numeric parameters of a study, in the manner of Optuna's
 * {@code CmaEsSampler}: categorical parameters, and numeric ones seen for the first time in this process, are
 * sampled uniformly at random.
 *
 * <p>Space: each numeric parameter's internal interval (log space for log-scaled ones, ints widened by half a
 * step) is mapped to [0, 1]; the search starts at the centre with step size σ₀ = 1/6 and C = I; the population is
 * {@code λ = 4 + ⌊3 ln d⌋}, the parents μ = ⌊λ/2⌋ with log-rank weights. A point outside [0, 1]^d is redrawn (up to
 * 100 times, then clipped), ints are rounded to their grid.
 *
 * <p>State from the history. The sampler keeps no state of its own: before each trial it replays the study's
 * COMPLETE trials that hold every numeric parameter, in trial-number order, in generations of λ, applying the
 * standard mean, evolution-path, covariance and step-size updates after each full generation; a trial draws from
 * the state after the full generations so far (so trials of one generation share a distribution and differ in
 * their random draws, seeded by (seed, trial number)). The result is the same whether the study is resumed in a
 * new process or not; with several workers the generations are formed from the trials in the order they finish
 * numbering.
 */
public final class CmaEsSampler implements Sampler {
    private final long seed;
    private final RelativeSpace relative = new RelativeSpace();

    public CmaEsSampler(long seed) {
        this.seed = seed;
    }

    @Override
    public Object sample(List<FrozenTrial> history, int trialNumber, String name, Distribution distribution,
                         Direction direction) {
        if (!(distribution instanceof CategoricalDistribution)) {
            Object v = relative.value(trialNumber, name, distribution, space -> sampleJoint(history, trialNumber, space, direction));
            if (v != null) {
                return v;
            }
        }
        return RandomSampler.draw(Sampler.stream(seed, trialNumber, name), distribution);
    }

    private Map<String, Object> sampleJoint(List<FrozenTrial> history, int trialNumber, Map<String, Distribution> all,
                                            Direction direction) {
        Map<String, Distribution> space = new LinkedHashMap<>();
        all.forEach((k, d) -> {
            if (!(d instanceof CategoricalDistribution) && d.internalHigh() > d.internalLow()) {
                space.put(k, d);
            }
        });
        if (space.isEmpty()) {
            return Map.of();
        }
        int d = space.size();
        List<FrozenTrial> done = new ArrayList<>();
        for (FrozenTrial t : history) {
            if (t.number() != trialNumber && t.state() == TrialState.COMPLETE && Double.isFinite(t.value())
                    && space.entrySet().stream().allMatch(e -> e.getValue().contains(t.params().get(e.getKey())))) {
                done.add(t);
            }
        }
        done.sort(Comparator.comparingInt(FrozenTrial::number));
        State s = new State(d);
        double[][] all01 = new double[done.size()][];
        for (int i = 0; i < done.size(); i++) {
            all01[i] = toUnit(done.get(i), space);
        }
        for (int g = 0; (g + 1) * s.lambda <= done.size(); g++) {
            int from = g * s.lambda;
            List<Integer> idx = new ArrayList<>();
            for (int i = from; i < from + s.lambda; i++) {
                idx.add(i);
            }
            idx.sort((a, b) -> direction.compareBestFirst(done.get(a).value(), done.get(b).value()));
            double[][] best = new double[s.mu][];
            for (int i = 0; i < s.mu; i++) {
                best[i] = all01[idx.get(i)];
            }
            s.update(best);
        }
        SplittableRandom rng = Sampler.stream(seed, trialNumber, "\u0000cmaes");
        double[] x = s.draw(rng);
        Map<String, Object> point = new LinkedHashMap<>();
        int j = 0;
        for (Map.Entry<String, Distribution> e : space.entrySet()) {
            Distribution dist = e.getValue();
            double lo = dist.internalLow();
            double hi = dist.internalHigh();
            point.put(e.getKey(), dist.external(lo + x[j++] * (hi - lo)));
        }
        return point;
    }

    private static double[] toUnit(FrozenTrial t, Map<String, Distribution> space) {
        double[] x = new double[space.size()];
        int j = 0;
        for (Map.Entry<String, Distribution> e : space.entrySet()) {
            Distribution dist = e.getValue();
            double lo = dist.internalLow();
            double hi = dist.internalHigh();
            x[j++] = (dist.internal(t.params().get(e.getKey())) - lo) / (hi - lo);
        }
        return x;
    }

    /** The CMA-ES state with the tutorial's default strategy parameters. */
    static final class State {
        final int n;
        final int lambda;
        final int mu;
        final double[] w;
        final double muEff;
        final double cc;
        final double cs;
        final double c1;
        final double cmu;
        final double damps;
        final double chiN;
        double[] mean;
        double sigma = 1.0 / 6;
        double[] pc;
        double[] ps;
        RealMatrix c;
        RealMatrix b;
        double[] dd;
        int generation;

        State(int n) {
            this.n = n;
            lambda = 4 + (int) Math.floor(3 * Math.log(n));
            mu = lambda / 2;
            w = new double[mu];
            double sum = 0;
            for (int i = 0; i < mu; i++) {
                w[i] = Math.log(mu + 0.5) - Math.log(i + 1);
                sum += w[i];
            }
            double sq = 0;
            for (int i = 0; i < mu; i++) {
                w[i] /= sum;
                sq += w[i] * w[i];
            }
            muEff = 1 / sq;
            cc = (4 + muEff / n) / (n + 4 + 2 * muEff / n);
            cs = (muEff + 2) / (n + muEff + 5);
            c1 = 2 / ((n + 1.3) * (n + 1.3) + muEff);
            cmu = Math.min(1 - c1, 2 * (muEff - 2 + 1 / muEff) / ((n + 2) * (n + 2) + muEff));
            damps = 1 + 2 * Math.max(0, Math.sqrt((muEff - 1) / (n + 1)) - 1) + cs;
            chiN = Math.sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));
            mean = new double[n];
            java.util.Arrays.fill(mean, 0.5);
            pc = new double[n];
            ps = new double[n];
            c = MatrixUtils.createRealIdentityMatrix(n);
            b = MatrixUtils.createRealIdentityMatrix(n);
            dd = new double[n];
            java.util.Arrays.fill(dd, 1.0);
        }

        /** One point in [0, 1]^n: m + σ·B·D·z, redrawn while outside, clipped after 100 tries. */
        double[] draw(SplittableRandom rng) {
            double[] x = new double[n];
            for (int attempt = 0; attempt < 100; attempt++) {
                double[] z = new double[n];
                for (int i = 0; i < n; i++) {
                    z[i] = dd[i] * MultivariateParzenEstimator.gaussian(rng);
                }
                boolean inside = true;
                for (int i = 0; i < n; i++) {
                    double v = 0;
                    for (int k = 0; k < n; k++) {
                        v += b.getEntry(i, k) * z[k];
                    }
                    x[i] = mean[i] + sigma * v;
                    inside &= x[i] >= 0 && x[i] <= 1;
                }
                if (inside) {
                    return x;
                }
            }
            for (int i = 0; i < n; i++) {
                x[i] = Math.max(0, Math.min(1, x[i]));
            }
            return x;
        }

        /** The update after one generation, given its μ best points, best first. */
        void update(double[][] best) {
            double[] old = mean.clone();
            double[] yw = new double[n];
            double[][] y = new double[mu][n];
            for (int i = 0; i < mu; i++) {
                for (int k = 0; k < n; k++) {
                    y[i][k] = (best[i][k] - old[k]) / sigma;
                    yw[k] += w[i] * y[i][k];
                }
            }
            for (int k = 0; k < n; k++) {
                mean[k] = old[k] + sigma * yw[k];
            }
            // C^{-1/2} y_w = B D^{-1} B^T y_w
            double[] bt = new double[n];
            for (int i = 0; i < n; i++) {
                double v = 0;
                for (int k = 0; k < n; k++) {
                    v += b.getEntry(k, i) * yw[k];
                }
                bt[i] = v / dd[i];
            }
            double csn = Math.sqrt(cs * (2 - cs) * muEff);
            double psNorm = 0;
            for (int i = 0; i < n; i++) {
                double v = 0;
                for (int k = 0; k < n; k++) {
                    v += b.getEntry(i, k) * bt[k];
                }
                ps[i] = (1 - cs) * ps[i] + csn * v;
                psNorm += ps[i] * ps[i];
            }
            psNorm = Math.sqrt(psNorm);
            generation++;
            boolean hsig = psNorm / Math.sqrt(1 - Math.pow(1 - cs, 2.0 * generation)) / chiN < 1.4 + 2.0 / (n + 1);
            double ccn = Math.sqrt(cc * (2 - cc) * muEff);
            for (int i = 0; i < n; i++) {
                pc[i] = (1 - cc) * pc[i] + (hsig ? ccn * yw[i] : 0);
            }
            double deltaH = hsig ? 0 : cc * (2 - cc);
            RealMatrix next = c.scalarMultiply(1 - c1 - cmu);
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < n; k++) {
                    double v = next.getEntry(i, k) + c1 * (pc[i] * pc[k] + deltaH * c.getEntry(i, k));
                    for (int r = 0; r < mu; r++) {
                        v += cmu * w[r] * y[r][i] * y[r][k];
                    }
                    next.setEntry(i, k, v);
                }
            }
            // symmetrise against round-off
            for (int i = 0; i < n; i++) {
                for (int k = i + 1; k < n; k++) {
                    double v = 0.5 * (next.getEntry(i, k) + next.getEntry(k, i));
                    next.setEntry(i, k, v);
                    next.setEntry(k, i, v);
                }
            }
            c = next;
            sigma *= Math.exp((cs / damps) * (psNorm / chiN - 1));
            sigma = Math.min(Math.max(sigma, 1e-12), 1.0);
            EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(c);
            double[] ev = eig.getEigenvalues();
            b = eig.getV();
            for (int i = 0; i < n; i++) {
                dd[i] = Math.sqrt(Math.max(ev[i], 1e-20));
            }
        }
    }
}
