package org.quantlstm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quantlstm.tuning.Direction;
import org.quantlstm.tuning.DuckDbStorage;
import org.quantlstm.tuning.RandomSampler;
import org.quantlstm.tuning.Study;
import org.quantlstm.tuning.TrialPrunedException;

/** quantlstm study list|show|export on a store written through the tuning API. */
class StudyCommandTest {

    private static void fill(Path dir) {
        try (DuckDbStorage store = new DuckDbStorage(dir.resolve("studies.duckdb"))) {
            Study s = Study.builder(store, "demo").direction(Direction.MAXIMIZE).sampler(new RandomSampler(1)).open();
            s.optimize(t -> {
                double x = t.suggestFloat("x", 0, 1);
                String opt = t.suggestCategorical("opt", List.of("adam", "sgd"));
                t.report(0, x);
                if (t.number() == 2) {
                    throw new TrialPrunedException(2, 0);
                }
                if (t.number() == 3) {
                    t.setUserAttr("degenerate", "never trades, flat");
                }
                return x + (opt.equals("adam") ? 1 : 0);
            }, 5);
        }
    }

    @Test
    void listShowAndExportAStudy(@TempDir Path dir) throws Exception {
        fill(dir);
        MainTest.Result list = MainTest.run("--data-dir", dir.toString(), "study", "list");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains("demo").contains("maximize").containsPattern("demo\\s+maximize\\s+5\\s+4\\s+1\\s+0");

        MainTest.Result show = MainTest.run("--data-dir", dir.toString(), "study", "show", "demo");
        assertThat(show.code()).as(show.err()).isZero();
        assertThat(show.out()).contains("Study 'demo' (maximize): 5 trials: 4 complete, 1 pruned, 0 failed, 0 running")
                .contains("Best trial: ").contains("PRUNED").contains("[degenerate: never trades, flat]");

        MainTest.Result csv = MainTest.run("--data-dir", dir.toString(), "study", "export", "demo");
        assertThat(csv.code()).as(csv.err()).isZero();
        List<String> lines = csv.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("number,state,value,duration_ms,datetime_start,datetime_complete,last_step,"
                + "params_x,params_opt,user_attrs_degenerate");
        assertThat(lines).hasSize(6);
        assertThat(lines.get(3)).startsWith("2,PRUNED,,");
        assertThat(lines.get(4)).endsWith(",\"never trades, flat\"");

        Path out = dir.resolve("demo.json");
        MainTest.Result json = MainTest.run("--data-dir", dir.toString(), "study", "export", "demo", "--format", "json",
                "-o", out.toString());
        assertThat(json.code()).as(json.err()).isZero();
        String text = Files.readString(out);
        assertThat(text).contains("\"study\" : \"demo\"").contains("\"intermediate_values\"").contains("\"PRUNED\"")
                .contains("\"degenerate\" : \"never trades, flat\"");
    }

    @Test
    void unknownStudyOrMissingStoreIsABadInput(@TempDir Path dir) {
        MainTest.Result none = MainTest.run("--data-dir", dir.toString(), "study", "list");
        assertThat(none.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(none.err()).contains("no such file");
        fill(dir);
        MainTest.Result r = MainTest.run("--data-dir", dir.toString(), "study", "show", "nope\u0007");
        assertThat(r.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("study 'nope?' not found").doesNotContain("\u0007");
        MainTest.Result f = MainTest.run("--data-dir", dir.toString(), "study", "export", "demo", "--format", "xml");
        assertThat(f.code()).isEqualTo(Main.EXIT_BAD_INPUT);
    }

    @Test
    void benchTpePrintsOneLinePerFunctionAndSampler() {
        MainTest.Result r = MainTest.run("bench", "tpe", "--seeds", "2", "--trials", "12", "--samplers", "random,tpe");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).matches("branin random median@6=\\S+ median@12=\\S+ q1@12=\\S+ q3@12=\\S+ ms/trial=\\S+");
        assertThat(lines.get(3)).startsWith("hartmann6 tpe median@6=");
        MainTest.Result bad = MainTest.run("bench", "tpe", "--samplers", "foo");
        assertThat(bad.code()).isEqualTo(Main.EXIT_BAD_INPUT);
    }

    @Test
    void benchTpeWritesEverySeedsBestValuesAndTheirMedianIsThePrintedOne(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("ours.csv");
        MainTest.Result r = MainTest.run("bench", "tpe", "--seeds", "3", "--trials", "10", "--samplers", "random",
                "--functions", "branin", "--per-seed", csv.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> rows = java.nio.file.Files.readAllLines(csv);
        assertThat(rows).hasSize(4).first().isEqualTo("function,sampler,seed,best_half,best");
        double[] best = rows.stream().skip(1).map(l -> l.split(",")).peek(c -> assertThat(c[0] + c[1])
                .isEqualTo("braninrandom")).mapToDouble(c -> {
                    assertThat(Double.parseDouble(c[3])).isGreaterThanOrEqualTo(Double.parseDouble(c[4]));
                    return Double.parseDouble(c[4]);
                }).sorted().toArray();
        assertThat(r.out()).contains(String.format(java.util.Locale.ROOT, "median@10=%.3f", best[1]));
        MainTest.Result unwritable = MainTest.run("bench", "tpe", "--seeds", "1", "--trials", "4", "--samplers",
                "random", "--functions", "branin", "--per-seed", dir.resolve("ours.csv/x.csv").toString());
        assertThat(unwritable.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(unwritable.err()).contains("cannot write --per-seed");
    }
}
