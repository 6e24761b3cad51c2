package org.quantlstm.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.quantlstm.common.DateRange;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;
import org.quantlstm.data.BarSeries;
import org.quantlstm.data.BundledSource;
import org.quantlstm.portfolio.Allocation;
import org.quantlstm.portfolio.Annualisation;
import org.quantlstm.portfolio.Bounds;
import org.quantlstm.portfolio.CapitalMarketLine;
import org.quantlstm.portfolio.CovarianceEstimator;
import org.quantlstm.portfolio.EfficientFrontier;
import org.quantlstm.portfolio.ExpectedReturns;
import org.quantlstm.portfolio.LedoitWolf;
import org.quantlstm.portfolio.MeanVariance;
import org.quantlstm.portfolio.MertonAllocator;
import org.quantlstm.portfolio.MertonSpec;
import org.quantlstm.portfolio.OptimizerSpec;
import org.quantlstm.portfolio.RealisedStats;
import org.quantlstm.portfolio.Returns;
import org.quantlstm.workflow.PricePanel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code quantlstm portfolio}: weights, expected return, volatility and Sharpe of a tangent, minimum-variance,
 * Merton/HJB or 1/N portfolio of bundled symbols. Weekly closes come from the data layer's resampler
 * (the week's last adjusted close, labelled by its Friday) through {@link PricePanel}.
 */
@Command(name = "portfolio", mixinStandardHelpOptions = true,
        description = "Build a portfolio (tangent, min-var, hjb, equal) from bundled prices and print its weights and "
                + "annualised expected return, volatility and Sharpe.")
final class PortfolioCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--tickers", required = true, split = ",", paramLabel = "SYM,SYM,...",
            description = "Bundled symbols, comma-separated (at least two), e.g. AAPL,MSFT,NVDA,JPM.")
    List<String> tickers;

    @Option(names = "--method", defaultValue = "tangent",
            description = "tangent (max Sharpe), min-var, hjb (Merton dynamic) or equal (1/N). Default: ${DEFAULT-VALUE}.")
    String method;

    @Option(names = "--interval", defaultValue = "1wk",
            description = "Return interval: 1wk (last close of each week) or 1d. Default: ${DEFAULT-VALUE}.")
    String interval;

    @Option(names = "--from", description = "First date (yyyy-MM-dd), inclusive.")
    String from;

    @Option(names = "--to", description = "Last date (yyyy-MM-dd), inclusive.")
    String to;

    @Option(names = "--rf", defaultValue = "0.04",
            description = "Annual risk-free rate, compounded to per period as (1+rf)^(1/N)-1. Default: ${DEFAULT-VALUE} "
                    + "(about the 2-year Treasury yield in 2022-23).")
    double rf;

    @Option(names = "--long-only", description = "Forbid short positions (default: shorts allowed).")
    boolean longOnly;

    @Option(names = "--max-weight", defaultValue = "1.0",
            description = "Per-asset cap on |weight| (e.g. 0.33). Default: ${DEFAULT-VALUE}.")
    double maxWeight;

    @Option(names = "--cov", defaultValue = "sample",
            description = "Covariance estimator: sample (ddof=1), ewma, lw-const-corr or lw-identity (Ledoit-Wolf). "
                    + "Default: ${DEFAULT-VALUE}.")
    String cov;

    @Option(names = "--mu", defaultValue = "mean",
            description = "Expected returns: mean (historical) or ewma. Default: ${DEFAULT-VALUE}.")
    String mu;

    @Option(names = "--half-life", defaultValue = "26",
            description = "EWMA half-life in periods (ewma estimators and hjb). Default: ${DEFAULT-VALUE}.")
    double halfLife;

    @Option(names = "--l2", defaultValue = "0", description = "L2 regularisation on weights (per-period variance units).")
    double l2;

    @Option(names = "--gamma", defaultValue = "3", description = "hjb: relative risk aversion. Default: ${DEFAULT-VALUE}.")
    double gamma;

    @Option(names = "--warmup", defaultValue = "52",
            description = "hjb: periods before the first decision; the static tangent it is compared with is fitted on "
                    + "them. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--leverage", defaultValue = "1.5",
            description = "hjb: cap on gross exposure sum|w|. Default: ${DEFAULT-VALUE}.")
    double leverage;

    @Option(names = "--frontier", defaultValue = "0",
            description = "tangent/min-var: also print this many efficient-frontier points and the capital market line.")
    int frontierPoints;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        String m = method.toLowerCase(Locale.ROOT);
        if (!List.of("tangent", "min-var", "hjb", "equal").contains(m)) {
            throw new UserInputException("unknown --method '" + method + "': use tangent, min-var, hjb or equal");
        }
        Interval iv = Interval.parse(interval);
        if (iv != Interval.W1 && iv != Interval.D1) {
            throw new UserInputException("--interval " + interval + " is not supported by portfolio: use 1wk or 1d");
        }
        PricePanel panel = PricePanel.bundled(symbols(), iv, range());
        int n = panel.symbols().size();
        double[][] returns = Returns.simple(panel.prices());
        int ppy = iv.periodsPerYear();
        double rfp = Annualisation.perPeriodRate(rf, ppy);
        double[] mean = expectedReturns(returns);
        double[][] sigma = covariance(returns);
        Bounds bounds = longOnly ? Bounds.longOnly(n, maxWeight) : Bounds.longShort(n, maxWeight);
        OptimizerSpec optSpec = OptimizerSpec.of(bounds).withL2(l2);
        MeanVariance mv = new MeanVariance(optSpec);
        // compute before printing, so an error leaves only its one line
        Allocation allocation = switch (m) {
            case "tangent" -> mv.maxSharpe(mean, sigma, rfp);
            case "min-var" -> mv.minVariance(mean, sigma, rfp);
            case "equal" -> {
                double[] w = new double[n];
                java.util.Arrays.fill(w, 1.0 / n);
                yield Allocation.evaluate(w, mean, sigma, rfp);
            }
            default -> null;
        };
        MertonAllocator.Comparison hjb = m.equals("hjb") ? hjb(returns, rfp, optSpec) : null;
        EfficientFrontier frontier = frontierPoints > 0 && (m.equals("tangent") || m.equals("min-var"))
                ? mv.frontier(mean, sigma, rfp, frontierPoints) : null;

        out.printf(Locale.ROOT, "portfolio %s  %s closes %s .. %s  (%d returns)%n", m, iv, panel.dates().get(0),
                panel.dates().get(panel.dates().size() - 1), returns.length);
        out.printf(Locale.ROOT, "conventions: %d periods/yr; return = mean*%d, vol = std(ddof=1)*sqrt(%d); rf %.4f/yr "
                        + "= %.6f per period ((1+rf)^(1/%d)-1); %s; %s, |w| <= %s%n", ppy, ppy, ppy, rf, rfp, ppy,
                m.equals("hjb") ? "hjb: EWMA mu and Sigma, half-life " + fmt(halfLife) + "; static tangent: mu=" + mu
                        + " cov=" + cov : "mu=" + mu + " cov=" + cov,
                longOnly ? "long-only" : "long-short", fmt(maxWeight));
        if (hjb != null) {
            printHjb(out, panel, hjb, ppy);
        } else {
            printAllocation(out, panel.symbols(), allocation, ppy);
            if (frontier != null) {
                printFrontier(out, frontier, ppy);
            }
        }
    }

    private MertonAllocator.Comparison hjb(double[][] returns, double rfp, OptimizerSpec optSpec) {
        if (returns.length < warmup + 2) {
            throw new UserInputException("hjb needs more than --warmup " + warmup + " + 1 periods of returns, the range "
                    + "has " + returns.length);
        }
        MertonAllocator allocator = new MertonAllocator(new MertonSpec(gamma, halfLife, warmup, maxWeight, leverage,
                !longOnly));
        return allocator.compareWithTangent(returns, rfp, optSpec);
    }

    private void printHjb(PrintWriter out, PricePanel panel, MertonAllocator.Comparison c, int ppy) {
        double[][] path = c.dynamic().weights();
        double[] last = path[path.length - 1];
        out.printf(Locale.ROOT, "Merton/HJB weights at %s: w = (1/%s) Sigma^-1 (mu - rf), EWMA half-life %s, caps |w|<=%s, "
                        + "sum|w|<=%s; the rest earns rf%n", panel.dates().get(panel.dates().size() - 1), fmt(gamma),
                fmt(halfLife), fmt(maxWeight), fmt(leverage));
        double invested = 0;
        for (int i = 0; i < last.length; i++) {
            out.printf(Locale.ROOT, "  %-8s %9.4f%n", panel.symbols().get(i), last[i]);
            invested += last[i];
        }
        out.printf(Locale.ROOT, "  %-8s %9.4f%n", "CASH", 1 - invested);
        out.printf(Locale.ROOT, "static tangent fitted on the first %d periods (to %s):%n", warmup,
                panel.dates().get(warmup));
        double[] tw = c.staticTangent().weights();
        for (int i = 0; i < tw.length; i++) {
            out.printf(Locale.ROOT, "  %-8s %9.4f%n", panel.symbols().get(i), tw[i]);
        }
        out.printf(Locale.ROOT, "realised out of sample, %d periods from %s (annualised):%n",
                c.dynamicStats().periods(), panel.dates().get(warmup + 1));
        out.printf(Locale.ROOT, "  %-16s %10s %10s %8s %10s %9s%n", "portfolio", "return", "vol", "sharpe", "total", "maxDD");
        printRealised(out, "hjb (dynamic)", c.dynamicStats(), ppy);
        printRealised(out, "static tangent", c.tangentStats(), ppy);
    }

    private static void printRealised(PrintWriter out, String name, RealisedStats s, int ppy) {
        out.printf(Locale.ROOT, "  %-16s %9.2f%% %9.2f%% %8.3f %9.2f%% %8.2f%%%n", name, 100 * s.annualReturn(ppy),
                100 * s.annualVolatility(ppy), s.annualSharpe(ppy), 100 * s.totalReturn(), 100 * s.maxDrawdown());
    }

    private static void printAllocation(PrintWriter out, List<String> symbols, Allocation a, int ppy) {
        out.printf(Locale.ROOT, "  %-8s %9s%n", "TICKER", "WEIGHT");
        for (int i = 0; i < symbols.size(); i++) {
            out.printf(Locale.ROOT, "  %-8s %9.4f%n", symbols.get(i), a.weight(i));
        }
        Allocation.Annual y = a.annualised(ppy);
        out.printf(Locale.ROOT, "expected return %.2f%%/yr  volatility %.2f%%/yr  Sharpe %.3f  gross exposure %.3f%n",
                100 * y.expectedReturn(), 100 * y.volatility(), y.sharpe(), a.grossExposure());
        if (a.ridge() > 0) {
            out.printf(Locale.ROOT, "note: covariance was singular; a ridge of %.3g was added to its diagonal%n", a.ridge());
        }
    }

    private static void printFrontier(PrintWriter out, EfficientFrontier f, int ppy) {
        out.printf(Locale.ROOT, "efficient frontier (%d points, annualised):%n  %10s %10s %8s%n", f.points().size(),
                "return", "vol", "sharpe");
        for (Allocation p : f.points()) {
            Allocation.Annual y = p.annualised(ppy);
            out.printf(Locale.ROOT, "  %9.2f%% %9.2f%% %8.3f%n", 100 * y.expectedReturn(), 100 * y.volatility(), y.sharpe());
        }
        f.capitalMarketLine().ifPresent((CapitalMarketLine cml) -> out.printf(Locale.ROOT,
                "capital market line: E[R] = %.2f%% + %.3f * vol (annualised; tangent at vol %.2f%%)%n",
                100 * Annualisation.annualReturn(cml.riskFree(), ppy), Annualisation.annualSharpe(cml.slope(), ppy),
                100 * Annualisation.annualVolatility(cml.tangentVolatility(), ppy)));
    }

    private double[] expectedReturns(double[][] returns) {
        return switch (mu.toLowerCase(Locale.ROOT)) {
            case "mean", "historical" -> ExpectedReturns.historicalMean(returns);
            case "ewma" -> ExpectedReturns.ewma(returns, halfLife);
            default -> throw new UserInputException("unknown --mu '" + mu + "': use mean or ewma");
        };
    }

    private double[][] covariance(double[][] returns) {
        CovarianceEstimator est = switch (cov.toLowerCase(Locale.ROOT)) {
            case "sample" -> CovarianceEstimator.sample();
            case "ewma" -> CovarianceEstimator.ewma(halfLife);
            case "lw-const-corr", "ledoit-wolf", "lw" -> CovarianceEstimator.ledoitWolf(LedoitWolf.Target.CONSTANT_CORRELATION);
            case "lw-identity" -> CovarianceEstimator.ledoitWolf(LedoitWolf.Target.SCALED_IDENTITY);
            default -> throw new UserInputException("unknown --cov '" + cov + "': use sample, ewma, lw-const-corr or lw-identity");
        };
        return est.estimate(returns);
    }

    private List<Symbol> symbols() {
        Set<Symbol> set = new LinkedHashSet<>();
        for (String t : tickers) {
            if (!t.isBlank()) {
                set.add(Symbol.of(t));
            }
        }
        if (set.size() < 2) {
            throw new UserInputException("--tickers needs at least two different symbols, got " + set);
        }
        return new ArrayList<>(set);
    }

    private DateRange range() {
        return new DateRange(parseDate("--from", from, false), parseDate("--to", to, true));
    }

    private static java.time.Instant parseDate(String option, String text, boolean endOfDay) {
        if (text == null) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(text.strip());
            return (endOfDay ? d.plusDays(1).atStartOfDay().minusNanos(1_000_000) : d.atStartOfDay())
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new UserInputException(option + " '" + text + "' is not a date (use yyyy-MM-dd)");
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
