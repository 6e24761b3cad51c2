package org.quantlstm.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real OS processes sharing one DuckDB study: a kill in the middle, and two concurrent workers. */
class MultiProcessStudyTest {
    @TempDir
    Path dir;

    private Process launch(Path db, String study, int total, int threads, long sleepMs, long seed, Path go,
                           String... extra) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", cp, StudyWorkerMain.class.getName(),
                db.toString(), study, Integer.toString(total), Integer.toString(threads), Long.toString(sleepMs),
                Long.toString(seed), go.toString());
        pb.command().addAll(List.of(extra));
        pb.redirectErrorStream(true);
        return pb.start();
    }

    /** Reads a child's output on a daemon thread so that its pipe never fills. */
    private static List<String> drain(Process p) {
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("IOERROR " + e);
            }
        });
        t.setDaemon(true);
        t.start();
        return lines;
    }

    private static void awaitLine(List<String> lines, String prefix, Process p) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (lines.stream().noneMatch(l -> l.startsWith(prefix))) {
            assertThat(System.nanoTime()).as("child never printed %s; output %s", prefix, lines).isLessThan(deadline);
            assertThat(p.isAlive() || lines.stream().anyMatch(l -> l.startsWith(prefix)))
                    .as("child died: %s", lines).isTrue();
            Thread.sleep(20);
        }
    }

    @Test
    void killedRunResumesKeepingEveryFinishedTrial() throws Exception {
        Path db = dir.resolve("studies.duckdb");
        Path go = dir.resolve("go");
        Files.createFile(go);
        Process child = launch(db, "resume", 10, 1, 150, 1, go);
        List<String> out = drain(child);
        DuckDbStorage storage = new DuckDbStorage(db);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<FrozenTrial> before = List.of();
        while (System.nanoTime() < deadline) {
            Thread.sleep(50);
            if (storage.findStudy("resume").isEmpty()) {
                continue;
            }
            before = storage.trials(storage.findStudy("resume").get().id());
            if (before.stream().filter(t -> t.state() == TrialState.COMPLETE).count() >= 3) {
                break;
            }
        }
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long studyId = storage.findStudy("resume").orElseThrow().id();
        List<FrozenTrial> atKill = storage.trials(studyId);
        List<FrozenTrial> finishedAtKill = atKill.stream().filter(t -> t.state().finished()).toList();
        assertThat(finishedAtKill.size()).as("child output %s", out).isGreaterThanOrEqualTo(3).isLessThan(10);

        Study resumed = Study.builder(storage, "resume").direction(Direction.MINIMIZE).sampler(new RandomSampler(2)).open();
        resumed.optimizeUntil(StudyWorkerMain.objective(0), 10, 1);
        List<FrozenTrial> after = resumed.trials();

        Map<Integer, FrozenTrial> byNumber = after.stream().collect(Collectors.toMap(FrozenTrial::number, t -> t));
        for (FrozenTrial t : finishedAtKill) {
            FrozenTrial now = byNumber.get(t.number());
            assertThat(now.state()).isEqualTo(t.state());
            assertThat(now.value()).isEqualTo(t.value());
            assertThat(now.params()).isEqualTo(t.params());
            assertThat(now.durationMs()).isEqualTo(t.durationMs()).isGreaterThanOrEqualTo(150);
        }
        for (FrozenTrial t : atKill) {
            if (t.state() == TrialState.RUNNING) {
                assertThat(byNumber.get(t.number()).state()).as("trial of the killed process").isEqualTo(TrialState.FAIL);
            }
        }
        assertThat(after).noneMatch(t -> t.state() == TrialState.RUNNING);
        assertThat(after.stream().filter(t -> t.state() == TrialState.COMPLETE).count()).isEqualTo(10);
        assertThat(after.stream().map(FrozenTrial::number).toList())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, after.size()).boxed().toList());
        for (FrozenTrial t : after) {
            if (t.state() == TrialState.COMPLETE) {
                assertThat(t.value()).isEqualTo(StudyWorkerMain.value((Double) t.params().get("x"), (Integer) t.params().get("n")));
            }
        }
    }

    @Test
    void twoProcessesShareOneStudyWithoutLosingOrDuplicatingTrials() throws Exception {
        Path db = dir.resolve("shared.duckdb");
        Path go = dir.resolve("go");
        int total = 16;
        // the handshake makes each worker's trials wait until the other has started one, so both run trials
        // however the OS schedules the two processes (without it, one could take all 16 on a loaded machine)
        Process a = launch(db, "shared", total, 2, 120, 11, go, "handshake");
        Process b = launch(db, "shared", total, 2, 120, 22, go, "handshake");
        List<String> outA = drain(a);
        List<String> outB = drain(b);
        awaitLine(outA, "READY", a);
        awaitLine(outB, "READY", b);
        Files.createFile(go);
        assertThat(a.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(b.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(a.exitValue()).as("output %s", outA).isZero();
        assertThat(b.exitValue()).as("output %s", outB).isZero();

        Map<Integer, Double> ranA = ran(outA);
        Map<Integer, Double> ranB = ran(outB);
        assertThat(ranA).as("worker A ran trials").isNotEmpty();
        assertThat(ranB).as("worker B ran trials").isNotEmpty();
        assertThat(ranA.keySet()).doesNotContainAnyElementsOf(ranB.keySet());
        Set<Integer> union = new TreeSet<>(ranA.keySet());
        union.addAll(ranB.keySet());
        assertThat(union).containsExactlyElementsOf(java.util.stream.IntStream.range(0, total).boxed().toList());

        DuckDbStorage storage = new DuckDbStorage(db);
        Study study = Study.builder(storage, "shared").open();
        List<FrozenTrial> trials = study.trials();
        assertThat(trials).hasSize(total).allMatch(t -> t.state() == TrialState.COMPLETE);
        Map<Integer, Double> all = new HashMap<>(ranA);
        all.putAll(ranB);
        for (FrozenTrial t : trials) {
            assertThat(t.value()).isEqualTo(all.get(t.number()));
        }
        FrozenTrial best = study.bestTrial().orElseThrow();
        double min = all.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertThat(best.value()).isEqualTo(min);
        List<String> bests = new ArrayList<>();
        bests.addAll(outA.stream().filter(l -> l.startsWith("BEST ")).toList());
        bests.addAll(outB.stream().filter(l -> l.startsWith("BEST ")).toList());
        assertThat(bests).hasSize(2).contains("BEST " + best.number() + " " + best.value());
        for (String line : bests) {
            String[] f = line.split(" ");
            assertThat(all.get(Integer.parseInt(f[1]))).isEqualTo(Double.parseDouble(f[2]));
        }
    }

    private static Map<Integer, Double> ran(List<String> lines) {
        Map<Integer, Double> out = new HashMap<>();
        for (String l : lines) {
            if (l.startsWith("RAN ")) {
                String[] f = l.split(" ");
                assertThat(out.put(Integer.parseInt(f[1]), Double.parseDouble(f[2]))).isNull();
            }
        }
        return out;
    }
}
