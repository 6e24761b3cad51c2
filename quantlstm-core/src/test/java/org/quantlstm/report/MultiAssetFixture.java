package org.quantlstm.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * A tiny multi-asset-4h-shaped run folder, written by hand in the layout MultiAssetPipeline writes: two assets, GC on
 * 4h bars (1560 periods per year) and ^SPX daily (252), each with a full-resolution {@code equity_<ticker>.csv}
 * whose positions are real (GC long then short, ^SPX long), the shared daily grid {@code equity.csv} (positions all 0,
 * plus the equal-weight "average"), metrics.json with "assets" and "portfolio" (realised HJB and tangent rows without
 * equity curves, per-period Sharpe) and data.json with an "assets" list.
 *
 * <p>GC's returns alternate +2% and 0% over 10 periods (mean 0.01, sample std 0.01·√(10/9)), so its Sharpe at
 * zero risk-free is √0.9·√1560 ≈ 37.47; ^SPX alternates +1% and −1% (mean 0), Sharpe ≈ 0: GC is the best asset.
 */
final class MultiAssetFixture {
    static final String SHA_GC = "a7a1395650e927d02e3e4137cfaab0df0a4519a93ae96e82";
    static final String SHA_SPX = "b9bc023eab0b2858808f9f2113db82f18be571382ac2fb4c0bafeba1abd0ed72";
    /** GC's Sharpe from its equity file: mean / sample std · √ppy for alternating +2%, 0% over 10 periods. */
    static final double GC_SHARPE = Math.sqrt(0.9) * Math.sqrt(1560);

    private MultiAssetFixture() {
    }

    static Path write(Path into) {
        Path run = into.resolve("20260101-000000-multi-asset-4h");
        try {
            Files.createDirectories(run);
            StringBuilder gc = new StringBuilder("time,GC_equity,GC_position\n");
            double e = 100_000;
            Instant t = Instant.parse("2025-01-06T00:00:00Z");
            for (int i = 0; i <= 10; i++) {
                gc.append(String.format(Locale.ROOT, "%s,%.6f,%s%n", t.plusSeconds(4 * 3600L * i), e,
                        i < 5 ? "1.0" : "-0.5"));
                e *= i % 2 == 0 ? 1.02 : 1.0;
            }
            Files.writeString(run.resolve("equity_GC.csv"), gc.toString(), StandardCharsets.UTF_8);
            StringBuilder spx = new StringBuilder("time,^SPX_equity,^SPX_position\n");
            e = 100_000;
            for (int i = 0; i <= 10; i++) {
                spx.append(String.format(Locale.ROOT, "%s,%.6f,1.0%n", t.plusSeconds(86_400L * i), e));
                e *= i % 2 == 0 ? 1.01 : 0.99;
            }
            Files.writeString(run.resolve("equity__SPX.csv"), spx.toString(), StandardCharsets.UTF_8);
            StringBuilder daily = new StringBuilder("time,GC_equity,GC_position,^SPX_equity,^SPX_position,"
                    + "average_equity,average_position\n");
            double a = 100_000, b = 100_000;
            for (int i = 0; i <= 5; i++) {
                daily.append(String.format(Locale.ROOT, "%s,%.4f,0.0,%.4f,0.0,%.4f,0.0%n", t.plusSeconds(86_400L * i),
                        a, b, (a + b) / 2));
                a *= 1.02;
                b *= i % 2 == 0 ? 1.01 : 0.99;
            }
            Files.writeString(run.resolve("equity.csv"), daily.toString(), StandardCharsets.UTF_8);
            Files.writeString(run.resolve("metrics.json"), """
                    {"system":"multi-asset-4h",
                     "conventions":{"periods_per_year":{"GC":1560,"^SPX":252},"portfolio_periods_per_year":252,
                       "risk_free":"zero (cash earns nothing)","std_ddof":1,"seed":42},
                     "assets":[
                      {"ticker":"GC","interval":"4h","test_start":"2025-01-06T00:00:00Z","test_end":"2025-01-07T16:00:00Z",
                       "final_value":110408.08,"pnl":10408.08,"pnl_pct":0.1040808,"win_rate_per_trade":0.75,
                       "avg_profit":4321.5,"avg_loss":-1234.25,"max_drawdown":-0.0123,"sigma_annual":0.4163,"trades":4,
                       "psr":0.91,"dsr":0.87,"dsr_trials":5,"test_rmse":1.5},
                      {"ticker":"^SPX","interval":"1d","test_start":"2025-01-06T00:00:00Z","test_end":"2025-01-16T00:00:00Z",
                       "final_value":99950.01,"pnl":-49.99,"pnl_pct":-0.0004999,"win_rate_per_trade":"NaN",
                       "avg_profit":"NaN","avg_loss":"NaN","max_drawdown":-0.0099,"sigma_annual":0.1668,"trades":0,
                       "psr":0.49,"dsr":0.31,"dsr_trials":5,"test_rmse":12.0}],
                     "portfolio":{"dates":6,"hjb_weights":{"GC":0.75,"^SPX":0.5},"tangent_weights":{"GC":1.0,"^SPX":0.0},
                       "hjb_realised":{"periods":5,"mean":0.001,"volatility":0.01,"sharpe":0.1,"totalReturn":0.5,"maxDrawdown":-0.02},
                       "tangent_realised":{"periods":5,"mean":0.0,"volatility":0.02,"sharpe":0.05,"totalReturn":0.01,"maxDrawdown":-0.05}}}
                    """, StandardCharsets.UTF_8);
            Files.writeString(run.resolve("data.json"), """
                    {"assets":[
                     {"symbol":"GC","source":"bundled","interval":"4h","rows":3097,"first":"2023-05-03T00:00:00Z",
                      "last":"2025-05-02T00:00:00Z","sha256":"%s"},
                     {"symbol":"^SPX","source":"bundled","interval":"1d","rows":502,"first":"2023-05-03T00:00:00Z",
                      "last":"2025-05-02T00:00:00Z","sha256":"%s"}]}
                    """.formatted(SHA_GC, SHA_SPX), StandardCharsets.UTF_8);
            // the model always predicts up, but the run's thresholded positions go long at bar 1 and short at bar 4
            Files.writeString(run.resolve("forecasts.csv"), "ticker,time,close,predicted_next_close,predicted_return,"
                    + "position,actual_next_close\n"
                    + "GC,2025-01-06T00:00:00Z,100,101,0.01,0,100\nGC,2025-01-06T04:00:00Z,100,101,0.01,1,101\n"
                    + "GC,2025-01-06T08:00:00Z,101,102,0.01,1,100\nGC,2025-01-06T12:00:00Z,100,101,0.01,0,99\n"
                    + "GC,2025-01-06T16:00:00Z,99,100,0.01,-1,98\nGC,2025-01-06T20:00:00Z,98,99,0.01,-1,\n",
                    StandardCharsets.UTF_8);
            Files.writeString(run.resolve("summary.txt"), "Note: no asset's test Sharpe is significant after deflating.\n",
                    StandardCharsets.UTF_8);
            return run;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
