package org.quantlstm.portfolio;

import java.util.Objects;

/**
 * Ledoit-Wolf shrinkage {@code Σ* = δ F + (1 − δ) S} of the sample covariance S towards a structured target F,
 * with the intensity δ that is optimal asymptotically (quadratic loss). As in both papers (and in scikit-learn
 * and PyPortfolioOpt), S here is the maximum-likelihood covariance of the demeaned returns,
 * {@code S = Σ_t (x_t − x̄)(x_t − x̄)ᵀ / T} (ddof = 0), not the ddof = 1 matrix of {@link SampleCovariance}.
 *
 * <p><b>{@link Target#SCALED_IDENTITY}</b> — Ledoit &amp; Wolf (2004), "A well-conditioned estimator for
 * large-dimensional covariance matrices", J. Multivariate Anal. 88 (2004) 365–411, Section 3: with the scaled Frobenius norm
 * {@code ‖A‖² = tr(AAᵀ)/N}, {@code m = tr(S)/N}, {@code F = m I}, {@code d² = ‖S − mI‖²},
 * {@code b̄² = T⁻² Σ_t ‖x_t x_tᵀ − S‖²} (x_t demeaned), {@code b² = min(b̄², d²)}, {@code δ = b²/d²}.
 * This is scikit-learn's {@code ledoit_wolf}.
 *
 * <p><b>{@link Target#CONSTANT_CORRELATION}</b> — Ledoit &amp; Wolf (2004), "Honey, I shrunk the sample covariance
 * matrix", J. Portfolio Management 30(4), Appendix (their {@code covCor.m}): {@code F_ii = s_ii},
 * {@code F_ij = r̄ √(s_ii s_jj)} with r̄ the mean of the N(N−1) off-diagonal sample correlations;
 * {@code π_ij = T⁻¹ Σ_t (y_it y_jt − s_ij)²} (y demeaned), {@code π = Σ_ij π_ij};
 * {@code θ_ii,ij = T⁻¹ Σ_t (y_it² − s_ii)(y_it y_jt − s_ij)};
 * {@code ρ = Σ_i π_ii + Σ_{i≠j} (r̄/2)(√(s_jj/s_ii) θ_ii,ij + √(s_ii/s_jj) θ_jj,ij)};
 * {@code γ = ‖F − S‖²_F}; {@code κ = (π − ρ)/γ}; {@code δ = max(0, min(1, κ/T))}.
 *
 * <p>A constant (zero-variance) asset takes no part in r̄ and ρ. When the target equals S (γ or d² is 0, or a single asset for the correlation target) δ is reported as 0.
 */
public final class LedoitWolf {
    /** The shrinkage target. */
    public enum Target {
        /** {@code F = (tr S / N) I}: shrinks every variance towards the mean variance and correlations to 0. */
        SCALED_IDENTITY,
        /** {@code F} keeps the variances and sets every correlation to the mean sample correlation. */
        CONSTANT_CORRELATION
    }

    /** The shrunk covariance with the intensity δ ∈ [0, 1] and the target used. */
    public record Result(double[][] covariance, double shrinkage, Target target) {
        public Result {
            Objects.requireNonNull(target, "target");
            covariance = Linalg.copy(covariance);
        }

        @Override
        public double[][] covariance() {
            return Linalg.copy(covariance);
        }
    }

    private LedoitWolf() {
    }

    public static Result estimate(double[][] returns, Target target) {
        Objects.requireNonNull(target, "target");
        int n = Returns.requirePanel("returns", returns, 2);
        int t = returns.length;
        double[] mean = ExpectedReturns.historicalMean(returns);
        double[][] y = new double[t][n];
        for (int k = 0; k < t; k++) {
            for (int i = 0; i < n; i++) {
                y[k][i] = returns[k][i] - mean[i];
            }
        }
        double[][] s = new double[n][n];
        for (double[] row : y) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    s[i][j] += row[i] * row[j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i][j] /= t;
            }
        }
        return target == Target.SCALED_IDENTITY ? scaledIdentity(y, s) : constantCorrelation(y, s);
    }

    private static Result scaledIdentity(double[][] y, double[][] s) {
        int n = s.length;
        int t = y.length;
        double m = Linalg.trace(s) / n;
        double d2 = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = s[i][j] - (i == j ? m : 0);
                d2 += v * v;
            }
        }
        d2 /= n;
        double bBar2 = 0;
        for (double[] row : y) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double v = row[i] * row[j] - s[i][j];
                    bBar2 += v * v;
                }
            }
        }
        bBar2 /= (double) n * t * t;
        double b2 = Math.min(bBar2, d2);
        double delta = d2 == 0 ? 0 : b2 / d2;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i][j] = (1 - delta) * s[i][j] + (i == j ? delta * m : 0);
            }
        }
        return new Result(out, delta, Target.SCALED_IDENTITY);
    }

    private static Result constantCorrelation(double[][] y, double[][] s) {
        int n = s.length;
        int t = y.length;
        double[] sd = new double[n];
        for (int i = 0; i < n; i++) {
            sd[i] = Math.sqrt(s[i][i]);
        }
        double rBar = 0;
        int pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && sd[i] > 0 && sd[j] > 0) {
                    rBar += s[i][j] / (sd[i] * sd[j]);
                    pairs++;
                }
            }
        }
        rBar = pairs == 0 ? 0 : rBar / pairs;
        double[][] f = new double[n][n];
        double gamma = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                f[i][j] = i == j ? s[i][i] : rBar * sd[i] * sd[j];
                gamma += (f[i][j] - s[i][j]) * (f[i][j] - s[i][j]);
            }
        }
        double pi = 0;
        double[][] piMat = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double acc = 0;
                for (double[] row : y) {
                    double v = row[i] * row[j] - s[i][j];
                    acc += v * v;
                }
                piMat[i][j] = acc / t;
                pi += piMat[i][j];
            }
        }
        double rho = 0;
        for (int i = 0; i < n; i++) {
            rho += piMat[i][i];
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j || sd[i] == 0 || sd[j] == 0) {
                    continue;
                }
                double thetaII = 0;
                double thetaJJ = 0;
                for (double[] row : y) {
                    double cross = row[i] * row[j] - s[i][j];
                    thetaII += (row[i] * row[i] - s[i][i]) * cross;
                    thetaJJ += (row[j] * row[j] - s[j][j]) * cross;
                }
                thetaII /= t;
                thetaJJ /= t;
                rho += rBar / 2 * (sd[j] / sd[i] * thetaII + sd[i] / sd[j] * thetaJJ);
            }
        }
        double delta = 0;
        if (gamma > 0 && n > 1) {
            double kappa = (pi - rho) / gamma;
            delta = Math.max(0, Math.min(1, kappa / t));
        }
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i][j] = delta * f[i][j] + (1 - delta) * s[i][j];
            }
        }
        return new Result(out, delta, Target.CONSTANT_CORRELATION);
    }
}
