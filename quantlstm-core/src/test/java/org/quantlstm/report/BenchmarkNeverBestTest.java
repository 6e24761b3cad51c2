package org.quantlstm.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A benchmark is never the run's "best strategy", in the tear sheet or in {@code runs}. */
class BenchmarkNeverBestTest {
    @Test
    void aComparisonThatRanksABenchmarkFirstStillNamesTheStrategy(@TempDir Path dir) throws Exception {
        // weekly-12's shape: the strategy, 1/N and the index in the comparison's rows, 1/N with the best Sharpe
        Path run = dir.resolve("20260101-000000-weekly-12");
        Files.createDirectories(run);
        Files.writeString(run.resolve("metrics.json"), """
                {"system": "weekly-12", "benchmarks": ["one_over_n", "nasdaq"],
                 "comparison": {"best": 1, "trials": 1,
                   "rows": [{"name": "strategy", "sharpe": 1.1, "totalReturn": 0.56},
                            {"name": "one_over_n", "sharpe": 1.3, "totalReturn": 0.42},
                            {"name": "nasdaq", "sharpe": 0.8, "totalReturn": 0.23}],
                   "benchmark": {"name": "nasdaq", "sharpe": 0.8, "totalReturn": 0.23}}}
                """);
        StrategyRows rows = StrategyRows.of(RunArtifacts.read(run), 52, null);
        assertThat(rows.rows()).extracting(StrategyRows.Row::name).containsExactly("strategy", "one_over_n", "nasdaq");
        assertThat(rows.rows()).extracting(StrategyRows.Row::benchmark).containsExactly(false, true, true);
        assertThat(rows.bestRow().name()).isEqualTo("strategy");
        assertThat(rows.benchmark().name()).isEqualTo("nasdaq");
        assertThat(RunFigures.of(run).best()).isEqualTo("strategy");
    }

    @Test
    void aRunThatChoseOnValidationListsItsChoiceNotTheBestOnTest(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("20260101-000000-spy-analyser");
        Files.createDirectories(run);
        Files.writeString(run.resolve("metrics.json"), """
                {"system": "spy-analyser", "selection": {"chosen": "fixed"},
                 "comparison": {"best": 1, "trials": 2,
                   "rows": [{"name": "fixed", "sharpe": 1.5, "totalReturn": 0.066},
                            {"name": "kelly", "sharpe": 1.59, "totalReturn": 0.018}],
                   "benchmark": {"name": "buy_and_hold", "sharpe": 1.5, "totalReturn": 0.113}}}
                """);
        assertThat(RunFigures.of(run).best()).isEqualTo("fixed");
        assertThat(RunFigures.of(run).totalReturn()).isEqualTo(0.066);
    }
}
