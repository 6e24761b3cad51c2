package org.quantlstm.portfolio;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.quantlstm.common.UserInputException;

/**
 * Markowitz mean-variance optimisation with per-asset bounds, solved as convex quadratic programmes by ojAlgo's
 * {@code ExpressionsBasedModel} (its active-set convex solver). All inputs and outputs are per period: μ are
 * expected returns per period, Σ the covariance of per-period returns, r_f the per-period risk-free rate
 * ({@link Annualisation#perPeriodRate}). Every portfolio is fully invested, Σw = 1.
 *
 * <p>Objective: minimise {@code wᵀΣw + l2·‖w‖² + κ·‖w − w₀‖₁} (the penalties of {@link OptimizerSpec}; the L1
 * turnover term uses split variables {@code w − w₀ = p − m, p, m ≥ 0}).
 *
 * <p><b>Maximum Sharpe.</b> Without a turnover penalty it uses the standard homogenisation (Cornuejols &amp;
 * Tütüncü, <i>Optimization Methods in Finance</i>, §8.2): with excess returns e = μ − r_f, solve
 * {@code min yᵀ(Σ + l2·I)y  s.t.  eᵀy = 1, Σy = k, l_i·k ≤ y_i ≤ u_i·k, k ≥ 0} and return {@code w = y/k}. The
 * problem is exact because the Sharpe ratio is invariant to scaling w; the L2 term stays homogeneous, so it
 * maximises (μᵀw − r_f)/√(wᵀ(Σ + l2·I)w). A turnover penalty is not homogeneous, so with one the tangent is found
 * instead by a search over the target return on the (penalised) efficient frontier, where the Sharpe ratio is
 * quasi-concave (a linear numerator over a convex denominator): a 25-point grid, then golden section inside the
 * bracket of the best grid point (the grid guards against solver noise at kinks where a bound becomes active).
 *
 * <p><b>Robustness.</b> Σ is checked (square, finite, symmetric) and, if not numerically positive definite,
 * repaired with the smallest sufficient ridge (reported in {@link Allocation#ridge()}). The objective is scaled by
 * the mean variance before solving; solver output is projected onto the bounds and the budget
 * ({@link Bounds#project}), so weights never leave their bounds and sum to 1 to rounding. The convex solver runs
 * with extended precision (agreement with closed forms to ~1e-12).
 */
public final class MeanVariance {
    static {
        // ojAlgo prints a hardware-profile notice to stdout on first use unless this property is set; it would
        // corrupt the CLI's output. Respect a value the user set.
        if (System.getProperty("shut.up.ojAlgo") == null) {
            System.setProperty("shut.up.ojAlgo", "true");
        }
    }

    private final OptimizerSpec spec;

    public MeanVariance(OptimizerSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    public OptimizerSpec spec() {
        return spec;
    }

    /** The minimum-variance portfolio; μ (may be null) only fills in the reported expected return. */
    public Allocation minVariance(double[] mu, double[][] sigma, double riskFree) {
        Problem p = prepare(mu, sigma, mu != null);
        double[] w = solveMinVariance(p, null, 0);
        return Allocation.of(w, mu, sigma, riskFree, p.ridge);
    }

    /** The minimum-variance portfolio with expected return {@code μᵀw = target} (a point of the frontier). */
    public Allocation efficientReturn(double[] mu, double[][] sigma, double riskFree, double target) {
        Problem p = prepare(mu, sigma, true);
        double lo = spec.bounds().minReturn(mu);
        double hi = spec.bounds().maxReturn(mu);
        if (!(target >= lo - 1e-12 && target <= hi + 1e-12)) {
            throw new UserInputException("target return " + target + " is outside the range attainable within the "
                    + "bounds [" + lo + ", " + hi + "]");
        }
        double[] w = solveMinVariance(p, mu, target);
        return Allocation.of(w, mu, sigma, riskFree, p.ridge);
    }

    /**
     * The maximum-Sharpe (tangent) portfolio.
     *
     * @throws UserInputException when no expected return, or no portfolio within the bounds, beats r_f
     */
    public Allocation maxSharpe(double[] mu, double[][] sigma, double riskFree) {
        Problem p = prepare(mu, sigma, true);
        if (!Double.isFinite(riskFree)) {
            throw new UserInputException("risk-free rate must be finite, got " + riskFree);
        }
        double best = Double.NEGATIVE_INFINITY;
        for (double m : mu) {
            best = Math.max(best, m);
        }
        if (best <= riskFree) {
            throw new UserInputException(String.format(java.util.Locale.ROOT,
                    "maximum Sharpe needs an expected return above the risk-free rate %.6g per period, but the "
                            + "largest expected return is %.6g; use min-variance instead", riskFree, best));
        }
        double attainable = spec.bounds().maxReturn(mu);
        if (attainable <= riskFree) {
            throw new UserInputException(String.format(java.util.Locale.ROOT,
                    "maximum Sharpe: no portfolio within the weight bounds has an expected return above the "
                            + "risk-free rate %.6g per period (best attainable %.6g); relax the bounds", riskFree,
                    attainable));
        }
        double[] w = spec.hasTurnoverPenalty() ? maxSharpeBySearch(p, mu, riskFree, attainable)
                : maxSharpeHomogeneous(p, mu, riskFree);
        return Allocation.of(w, mu, sigma, riskFree, p.ridge);
    }

    /** {@code points} frontier portfolios (≥ 2) from the minimum-variance return to the largest attainable return. */
    public EfficientFrontier frontier(double[] mu, double[][] sigma, double riskFree, int points) {
        if (points < 2) {
            throw new UserInputException("the efficient frontier needs at least 2 points, got " + points);
        }
        Problem p = prepare(mu, sigma, true);
        double[] wMin = solveMinVariance(p, null, 0);
        Allocation minVar = Allocation.of(wMin, mu, sigma, riskFree, p.ridge);
        double lo = minVar.expectedReturn();
        double hi = upperTarget(mu, lo);
        List<Allocation> out = new ArrayList<>(points);
        for (int k = 0; k < points; k++) {
            double target = lo + (hi - lo) * k / (points - 1);
            double[] w = k == 0 ? wMin : solveMinVariance(p, mu, target);
            out.add(Allocation.of(w, mu, sigma, riskFree, p.ridge));
        }
        Allocation tangent = null;
        CapitalMarketLine cml = null;
        if (spec.bounds().maxReturn(mu) > riskFree) {
            try {
                tangent = maxSharpe(mu, sigma, riskFree);
            } catch (UserInputException noTangent) {
                // e.g. no fully invested tangent without finite bounds: the frontier stands without a CML
                tangent = null;
            }
            if (tangent != null && tangent.volatility() > 0) {
                cml = CapitalMarketLine.through(tangent);
            }
        }
        return new EfficientFrontier(out, minVar, tangent, cml);
    }

    /** The top of the frontier: the largest attainable return, or (unbounded shorts) a span of the μ range above lo. */
    private double upperTarget(double[] mu, double lo) {
        double hi = spec.bounds().maxReturn(mu);
        if (Double.isFinite(hi)) {
            return Math.max(hi, lo);
        }
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double m : mu) {
            max = Math.max(max, m);
            min = Math.min(min, m);
        }
        return Math.max(max, lo + (max - min));
    }

    // ------------------------------------------------------------------------------------------------------------

    /** Validated inputs: the ridge-repaired Σ scaled by its mean variance, and the scale. */
    private record Problem(int n, double[][] q, double scale, double ridge) {
    }

    private Problem prepare(double[] mu, double[][] sigma, boolean needMu) {
        int n = spec.bounds().size();
        if (needMu) {
            if (mu == null || mu.length != n) {
                throw new UserInputException("expected returns: " + (mu == null ? 0 : mu.length) + " values for " + n
                        + " assets");
            }
            Linalg.requireFinite("expected returns", mu);
        }
        Linalg.requireCovariance("covariance", sigma, n);
        Linalg.Regularised r = Linalg.regularise("covariance", sigma);
        double scale = Linalg.trace(r.matrix()) / n;
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                q[i][j] = r.matrix()[i][j] / scale;
            }
            q[i][i] += spec.l2() / scale;
        }
        return new Problem(n, q, scale, r.ridge());
    }

    /**
     * min wᵀQw (+ turnover) s.t. Σw = 1, bounds, and μᵀw = target when mu is not null. Solved with ojAlgo's
     * extended-precision and standard convex solvers, keeping the lower objective among the answers that meet
     * the constraints (see {@link #maxSharpeHomogeneous(Problem, double[], double)} for why).
     */
    private double[] solveMinVariance(Problem p, double[] mu, double target) {
        double[] precise = solveMinVariance(p, mu, target, true);
        double[] standard;
        try {
            standard = solveMinVariance(p, mu, target, false);
        } catch (IllegalStateException e) {
            return precise;
        }
        boolean standardOk = meets(p, mu, target, standard);
        if (standardOk && (!meets(p, mu, target, precise)
                || objective(p, standard) < objective(p, precise) - 1e-12)) {
            return standard;
        }
        return precise;
    }

    /** The minimum-variance objective as the QP sees it: wᵀQw plus the turnover penalty. */
    private double objective(Problem p, double[] w) {
        double v = 0;
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w.length; j++) {
                v += w[i] * p.q[i][j] * w[j];
            }
        }
        if (spec.hasTurnoverPenalty()) {
            double[] w0 = spec.currentWeights();
            for (int i = 0; i < w.length; i++) {
                v += spec.turnoverPenalty() / p.scale * Math.abs(w[i] - w0[i]);
            }
        }
        return v;
    }

    /** Fully invested within 1e-7 and on the target return (when given) within 1e-7 relative. */
    private static boolean meets(Problem p, double[] mu, double target, double[] w) {
        double sum = 0;
        for (double x : w) {
            sum += x;
        }
        if (Math.abs(sum - 1) > 1e-7) {
            return false;
        }
        return mu == null || Math.abs(Linalg.dot(mu, w) - target) <= 1e-7 * Math.max(1e-12, Math.abs(target)) + 1e-12;
    }

    private double[] solveMinVariance(Problem p, double[] mu, double target, boolean extendedPrecision) {
        int n = p.n;
        ExpressionsBasedModel model = newModel(extendedPrecision);
        Variable[] w = new Variable[n];
        Bounds b = spec.bounds();
        for (int i = 0; i < n; i++) {
            w[i] = model.addVariable("w" + i);
            if (Double.isFinite(b.lower(i))) {
                w[i].lower(b.lower(i));
            }
            if (Double.isFinite(b.upper(i))) {
                w[i].upper(b.upper(i));
            }
        }
        Expression objective = model.addExpression("objective").weight(1.0);
        setQuadratic(objective, w, p.q);
        Expression budget = model.addExpression("budget").level(1.0);
        for (Variable v : w) {
            budget.set(v, 1.0);
        }
        if (mu != null) {
            double a = maxAbs(mu);
            Expression ret = model.addExpression("return").level(a > 0 ? target / a : 0);
            for (int i = 0; i < n; i++) {
                ret.set(w[i], a > 0 ? mu[i] / a : 0);
            }
        }
        if (spec.hasTurnoverPenalty()) {
            double[] w0 = spec.currentWeights();
            double kappa = spec.turnoverPenalty() / p.scale;
            for (int i = 0; i < n; i++) {
                Variable plus = model.addVariable("p" + i).lower(0);
                Variable minus = model.addVariable("m" + i).lower(0);
                model.addExpression("turnover" + i).level(w0[i]).set(w[i], 1.0).set(plus, -1.0).set(minus, 1.0);
                objective.set(plus, kappa);
                objective.set(minus, kappa);
            }
        }
        Optimisation.Result result = model.minimise();
        requireSolved(result, mu == null ? "minimum variance" : "efficient portfolio for target return " + target);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = result.doubleValue(i);
        }
        return b.project(out);
    }

    /**
     * Solves the homogeneous max-Sharpe QP twice, with ojAlgo's extended-precision convex solver and with its
     * standard one, and keeps the portfolio with the higher Sharpe ratio. Extended precision agrees with closed
     * forms to ~1e-14, but ojAlgo 55 can report OPTIMAL at a clearly worse vertex on bounded problems
     * (reproduced: six weekly US stocks 1999–2025, long-only ≤ 0.33 — Sharpe 0.860 against 0.975 for the
     * standard solver; see {@code MeanVarianceRegressionTest}). Both solves are cheap at these sizes.
     */
    private double[] maxSharpeHomogeneous(Problem p, double[] mu, double riskFree) {
        double[] precise = maxSharpeHomogeneous(p, mu, riskFree, true);
        double[] standard = maxSharpeHomogeneous(p, mu, riskFree, false);
        return sharpeOf(p, mu, riskFree, standard) > sharpeOf(p, mu, riskFree, precise) + 1e-12 ? standard : precise;
    }

    /** (μ − r_f)ᵀw / √(wᵀQw): the Sharpe ratio up to the positive scale of Q, enough to compare portfolios. */
    private static double sharpeOf(Problem p, double[] mu, double riskFree, double[] w) {
        double ex = 0;
        double var = 0;
        for (int i = 0; i < w.length; i++) {
            ex += w[i] * (mu[i] - riskFree);
            for (int j = 0; j < w.length; j++) {
                var += w[i] * p.q[i][j] * w[j];
            }
        }
        return var > 0 ? ex / Math.sqrt(var) : Double.NEGATIVE_INFINITY;
    }

    private double[] maxSharpeHomogeneous(Problem p, double[] mu, double riskFree, boolean extendedPrecision) {
        int n = p.n;
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = mu[i] - riskFree;
        }
        double a = maxAbs(e);
        ExpressionsBasedModel model = newModel(extendedPrecision);
        Variable[] y = new Variable[n];
        for (int i = 0; i < n; i++) {
            y[i] = model.addVariable("y" + i);
        }
        Variable k = model.addVariable("k").lower(0);
        setQuadratic(model.addExpression("objective").weight(1.0), y, p.q);
        Expression excess = model.addExpression("excess").level(1.0);
        Expression budget = model.addExpression("budget").level(0.0);
        Bounds b = spec.bounds();
        for (int i = 0; i < n; i++) {
            excess.set(y[i], e[i] / a);
            budget.set(y[i], 1.0);
            if (Double.isFinite(b.lower(i))) {
                model.addExpression("lo" + i).lower(0.0).set(y[i], 1.0).set(k, -b.lower(i));
            }
            if (Double.isFinite(b.upper(i))) {
                model.addExpression("hi" + i).upper(0.0).set(y[i], 1.0).set(k, -b.upper(i));
            }
        }
        budget.set(k, -1.0);
        Optimisation.Result result = model.minimise();
        requireSolved(result, "maximum Sharpe");
        double kv = result.doubleValue(n);
        double[] yv = new double[n];
        double norm = 0;
        for (int i = 0; i < n; i++) {
            yv[i] = result.doubleValue(i);
            norm += Math.abs(yv[i]);
        }
        // k/‖y‖₁ is 1/gross exposure of w = y/k: above 10⁶ times leverage the optimum is at k → 0, i.e. a
        // zero-net-investment portfolio, and no fully invested tangent exists (only possible without finite bounds)
        if (!(kv > 1e-6 * norm)) {
            throw new UserInputException("maximum Sharpe is not attained by a fully invested portfolio without "
                    + "weight limits (the best Sharpe needs unbounded leverage); set finite weight bounds");
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = yv[i] / kv;
        }
        return b.project(w);
    }

    private double[] maxSharpeBySearch(Problem p, double[] mu, double riskFree, double attainable) {
        double lo = Linalg.dot(mu, solveMinVariance(p, null, 0));
        double hi = upperTarget(mu, lo);
        lo = Math.max(lo, Math.min(riskFree, hi));
        // a coarse grid first (robust to solver noise and kinks where a bound becomes active), then a
        // golden-section search inside the bracket around the best grid point; the best evaluated target wins
        int grid = 24;
        double step = (hi - lo) / grid;
        double bestX = lo;
        double bestF = Double.NEGATIVE_INFINITY;
        int bestK = 0;
        for (int k = 0; k <= grid; k++) {
            double x = lo + step * k;
            double f = sharpeAt(p, mu, riskFree, x);
            if (f > bestF) {
                bestF = f;
                bestX = x;
                bestK = k;
            }
        }
        double a = lo + step * Math.max(0, bestK - 1);
        double b = lo + step * Math.min(grid, bestK + 1);
        double invPhi = (Math.sqrt(5) - 1) / 2;
        double x1 = b - invPhi * (b - a);
        double x2 = a + invPhi * (b - a);
        double f1 = sharpeAt(p, mu, riskFree, x1);
        double f2 = sharpeAt(p, mu, riskFree, x2);
        for (int it = 0; it < 60 && b - a > 1e-12 * Math.max(1, Math.abs(b)); it++) {
            if (f1 > bestF) {
                bestF = f1;
                bestX = x1;
            }
            if (f2 > bestF) {
                bestF = f2;
                bestX = x2;
            }
            if (f1 < f2) {
                a = x1;
                x1 = x2;
                f1 = f2;
                x2 = a + invPhi * (b - a);
                f2 = sharpeAt(p, mu, riskFree, x2);
            } else {
                b = x2;
                x2 = x1;
                f2 = f1;
                x1 = b - invPhi * (b - a);
                f1 = sharpeAt(p, mu, riskFree, x1);
            }
        }
        return solveMinVariance(p, mu, bestX);
    }

    private double sharpeAt(Problem p, double[] mu, double riskFree, double target) {
        double[] w = solveMinVariance(p, mu, target);
        double vol = Math.sqrt(Math.max(0, Linalg.quadratic(p.q, w)) * p.scale);
        return vol > 0 ? (Linalg.dot(mu, w) - riskFree) / vol : Double.NEGATIVE_INFINITY;
    }

    /**
     * A model with the convex solver's extended precision on: without it the KKT solves stop near 1e-8, visible in
     * closed-form comparisons; with it they agree to ~1e-14 at a small cost for these sizes.
     */
    private static ExpressionsBasedModel newModel(boolean extendedPrecision) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        model.options.convex().extendedPrecision(extendedPrecision);
        return model;
    }

    private static void setQuadratic(Expression objective, Variable[] v, double[][] q) {
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                if (q[i][j] != 0) {
                    objective.set(v[i], v[j], q[i][j]);
                }
            }
        }
    }

    private static void requireSolved(Optimisation.Result result, String what) {
        Optimisation.State state = result.getState();
        if (state == Optimisation.State.INFEASIBLE) {
            throw new UserInputException(what + " is infeasible under the weight bounds");
        }
        if (!state.isFeasible()) {
            throw new IllegalStateException("QP solver failed for " + what + ": state " + state);
        }
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
