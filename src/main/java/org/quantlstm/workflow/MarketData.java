package org.quantlstm.workflow;

import java.time.Duration;
import org.quantlstm.common.DateRange;
import org.quantlstm.common.UserInputException;
import org.quantlstm.data.BarSeries;
import org.quantlstm.data.BundledSource;

/** Loads an experiment's prices from the source its config names. */
final class MarketData {
    private MarketData() {
    }

    static BarSeries load(ExperimentConfig.DataConfig d, RunContext ctx) {
        String src = d.source();
        if (src.equals("bundled")) {
            return new BundledSource().load(d.ticker(), d.interval(), DateRange.all());
        }
        throw new UserInputException("data source '" + src + "' is not available for runs yet; use --source bundled");
    }

    /** The bars of the last {@code days} calendar days (counted back from the last bar). */
    static BarSeries lastCalendarDays(BarSeries s, int days) {
        if (s.isEmpty()) {
            throw new UserInputException(s.symbol() + ": no bars");
        }
        long from = s.epochMillis(s.size() - 1) - Duration.ofDays(days).toMillis();
        return s.slice(s.indexAtOrAfter(from), s.size());
    }

    /** A bar's date (daily and coarser) or date and time (intraday), for people. */
    static String label(BarSeries s, int i) {
        if (i >= s.size()) {
            return "-";
        }
        return s.interval().isIntraday() ? s.time(i).toString().replace("T", " ").replace(":00Z", "") : s.date(i).toString();
    }
}
