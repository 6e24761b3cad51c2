package org.quantlstm.systems.multiasset;

import java.util.Collection;
import java.util.List;

/**
 * The assets of seed 000 and what this system trades for each (issue 14, item 9): gold and silver as the bundled
 * hourly CFDs on 4-hour bars, Brent futures (BRN1!) as the Brent CFD, wheat futures (ZW1!) as Yahoo's continuous
 * front month ZW=F on daily bars. Two seed assets cannot be traded: the Thai stock AOT (Airports of Thailand) has no
 * bundled data and nothing stands in; the SET50 index future (S501!) is not bundled either and the S&P 500 index
 * (^SPX, daily) stands in as the index exposure. BTCUSDT is an addition, not a seed asset.
 */
final class SeedAssets {

    private SeedAssets() {
    }

    /** A seed asset, the ticker that stands in for it here (null: none) and a note. */
    record Mapping(String seed, String standIn, String note) {
    }

    static final List<Mapping> SEED = List.of(
            new Mapping("XAUUSD", "XAUUSD", "gold CFD, hourly bars resampled to 4h"),
            new Mapping("XAGUSD", "XAGUSD", "silver CFD, hourly bars resampled to 4h"),
            new Mapping("BRN1!", "UKOIL", "Brent CFD in place of the Brent future"),
            new Mapping("ZW1!", "ZW=F", "continuous front-month wheat, daily bars only"),
            new Mapping("AOT", null, "Thai stock (Airports of Thailand): not bundled, not traded, nothing stands in"),
            new Mapping("S501!", "^SPX", "SET50 index future: not bundled, the S&P 500 index (daily) stands in"));

    /** The console lines: which seed assets are traded as what in this run, and which cannot be traded. */
    static String lines(Collection<String> tickers) {
        StringBuilder traded = new StringBuilder();
        StringBuilder missing = new StringBuilder();
        for (Mapping m : SEED) {
            if (m.standIn() != null && tickers.contains(m.standIn())) {
                traded.append(traded.length() == 0 ? "" : ", ").append(m.seed()).append(m.seed().equals(m.standIn())
                        ? "" : " as " + m.standIn());
                if (!m.seed().equals(m.standIn())) {
                    traded.append(" (").append(m.note()).append(')');
                }
            } else {
                missing.append(missing.length() == 0 ? "" : "; ").append(m.seed()).append(" - ").append(
                        m.standIn() == null ? m.note() : m.note().replace(" stands in", " would stand in")
                                + " (" + m.standIn() + " not in this run)");
            }
        }
        StringBuilder b = new StringBuilder();
        b.append("Seed 000 assets traded: ").append(traded.length() == 0 ? "none" : traded).append('\n');
        if (missing.length() > 0) {
            b.append("Seed 000 assets NOT traded: ").append(missing).append('\n');
        }
        return b.toString();
    }
}
