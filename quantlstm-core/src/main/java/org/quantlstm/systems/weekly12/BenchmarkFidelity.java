package org.quantlstm.systems.weekly12;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.quantlstm.data.BarSeries;

/**
 * Which index the weekly-12 paper calls "NASDAQ" (issue 14, item 9). It is the Nasdaq Composite (^IXIC): the paper's
 * 21.25 % for its test year is exactly the Composite's change from the 2022-07-01 close (11,127.85) to the 2023-06-23
 * close (13,492.52). This section shows the Composite over the paper's window and over this run's test window, the
 * run's own benchmark (the Nasdaq-100 by default) beside it, and the two windows.
 */
final class BenchmarkFidelity {

    /** The paper's test window and its NASDAQ figure. */
    static final LocalDate PAPER_FROM = LocalDate.of(2022, 7, 1);
    static final LocalDate PAPER_TO = LocalDate.of(2023, 6, 23);
    static final double PAPER_NASDAQ_RETURN = 0.2125;

    private BenchmarkFidelity() {
    }

    /** The close of the last bar at or before {@code day} (NaN when there is none). */
    static double closeOn(BarSeries daily, LocalDate day) {
        int i = -1;
        for (int k = 0; k < daily.size() && !daily.date(k).isAfter(day); k++) {
            i = k;
        }
        return i < 0 ? Double.NaN : daily.closes()[i];
    }

    /** The change of {@code daily}'s close from {@code from} to {@code to} (closes at or before each day). */
    static double change(BarSeries daily, LocalDate from, LocalDate to) {
        return closeOn(daily, to) / closeOn(daily, from) - 1;
    }

    /**
     * The console section. {@code composite} is the daily ^IXIC series (null when it could not be loaded);
     * {@code benchmarkName} and {@code benchmarkReturn} the run's own benchmark over its test window
     * {@code testFrom} .. {@code testTo} (first and last weekly close).
     */
    static String text(BarSeries composite, String benchmarkName, double benchmarkReturn, LocalDate testFrom,
                       LocalDate testTo) {
        StringBuilder b = new StringBuilder();
        b.append("BENCHMARK FIDELITY: the paper's \"NASDAQ\" is the Nasdaq Composite (^IXIC), not the Nasdaq-100\n");
        b.append(String.format(Locale.ROOT, "Paper's test window %s .. %s (51 weekly returns); this run's %s .. %s "
                + "(%s)%n", PAPER_FROM, PAPER_TO, testFrom, testTo, testFrom.equals(PAPER_FROM) && testTo.equals(PAPER_TO)
                ? "the same" : "one week earlier start: the decision at the " + testFrom + " close earns the first week"));
        if (composite == null) {
            b.append("Nasdaq Composite: not available from this data source (bundled as ^IXIC).\n");
        } else {
            b.append(String.format(Locale.ROOT, "%-38s %12s %12s%n", "", "paper window", "run window"));
            b.append(String.format(Locale.ROOT, "%-38s %+11.2f%% %+11.2f%%   (paper: %+.2f%%; closes %,.2f -> %,.2f)%n",
                    "Nasdaq Composite ^IXIC (the paper's)", change(composite, PAPER_FROM, PAPER_TO) * 100,
                    change(composite, testFrom, testTo) * 100, PAPER_NASDAQ_RETURN * 100,
                    closeOn(composite, PAPER_FROM), closeOn(composite, PAPER_TO)));
        }
        b.append(String.format(Locale.ROOT, "%-38s %12s %+11.2f%%   (the benchmark of the table above)%n",
                benchmarkName + " (data.benchmark)", "", benchmarkReturn * 100));
        return b.toString();
    }

    /** For metrics.json. */
    static Map<String, Object> json(BarSeries composite, String benchmarkName, double benchmarkReturn,
                                    LocalDate testFrom, LocalDate testTo) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("paper_window", PAPER_FROM + " .. " + PAPER_TO);
        m.put("run_window", testFrom + " .. " + testTo);
        m.put("paper_nasdaq_return", PAPER_NASDAQ_RETURN);
        if (composite != null) {
            m.put("ixic_return_paper_window", change(composite, PAPER_FROM, PAPER_TO));
            m.put("ixic_return_run_window", change(composite, testFrom, testTo));
        }
        m.put("benchmark", benchmarkName);
        m.put("benchmark_return_run_window", benchmarkReturn);
        return m;
    }
}
