package org.quantlstm.spark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A Spark standalone cluster on 127.0.0.1 made of child JVMs started from this test's own class path: one master
 * and {@code workers} workers of one core each. Spark's worker launches executors through its launcher library,
 * which reads the jars from {@code $SPARK_HOME/jars}: a temporary SPARK_HOME whose {@code jars/} links every jar of
 * the class path stands in for a Spark installation; class folders (target/classes) reach the executors through
 * {@code spark.executor.extraClassPath}. Loopback only; {@link #close} stops every process it started.
 */
final class LocalStandaloneCluster implements AutoCloseable {
    private final Path home;
    private final int port;
    private final List<String> folders = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();

    private LocalStandaloneCluster(Path home, int port) {
        this.home = home;
        this.port = port;
    }

    /** Starts a master and {@code workers} one-core workers; returns once the master accepts connections. */
    static LocalStandaloneCluster start(Path dir, int workers) throws IOException, InterruptedException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path home = dir.resolve("spark-home");
        Path jars = Files.createDirectories(home.resolve("jars"));
        LocalStandaloneCluster c = new LocalStandaloneCluster(home, freePort());
        for (String entry : cp.split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
                Path link = jars.resolve(p.getFileName());
                if (!Files.exists(link)) {
                    Files.createSymbolicLink(link, p.toAbsolutePath());
                }
            } else if (Files.isDirectory(p)) {
                c.folders.add(p.toAbsolutePath().toString());
            }
        }
        try {
            c.launch("master", cp, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                    String.valueOf(c.port), "--webui-port", "0");
            c.awaitPort(120);
            for (int w = 1; w <= workers; w++) {
                Path work = Files.createDirectories(dir.resolve("worker" + w));
                c.launch("worker" + w, cp, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--port",
                        "0", "--webui-port", "0", "--cores", "1", "--memory", "1g", "--work-dir", work.toString(),
                        c.url());
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    String url() {
        return "spark://127.0.0.1:" + port;
    }

    /**
     * The driver's configuration for this cluster, through the engine's own {@link SparkTaskRunnerFactory#configure}
     * ({@code cores} executor cores in all, one per executor, 1 GiB each).
     */
    SparkConf driverConf(int cores) {
        SparkConf conf = new SparkConf().set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1").set("spark.executor.cores", "1")
                .set("spark.cores.max", String.valueOf(cores)).set("spark.executor.memory", "1g")
                .set("spark.executor.extraClassPath", String.join(File.pathSeparator, folders))
                .set("spark.jars", "");
        return SparkTaskRunnerFactory.configure(conf, url());
    }

    /** A runner on this cluster, once {@code executors} executors have registered. */
    SparkTaskRunner runner(int executors, int timeoutSeconds) throws InterruptedException {
        JavaSparkContext sc = new JavaSparkContext(driverConf(executors));
        sc.setLogLevel("WARN");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        // the driver counts itself among the executors
        while (sc.sc().statusTracker().getExecutorInfos().length < executors + 1) {
            if (System.nanoTime() > end) {
                sc.stop();
                throw new IllegalStateException("only " + (sc.sc().statusTracker().getExecutorInfos().length - 1)
                        + " of " + executors + " executors registered in " + timeoutSeconds + " s\n" + logTails());
            }
            Thread.sleep(200);
        }
        return new SparkTaskRunner(sc, true);
    }

    private void launch(String name, String cp, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        String opens = System.getProperty("spark.java.opens", "");
        if (!opens.isBlank()) {
            cmd.addAll(List.of(opens.trim().split("\\s+")));
        }
        cmd.addAll(List.of("-cp", cp, mainClass));
        cmd.addAll(List.of(args));
        Path log = home.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("SPARK_NO_DAEMONIZE", "1");
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        processes.add(pb.start());
        logs.add(log);
    }

    private void awaitPort(int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                if (!processes.get(0).isAlive()) {
                    break;
                }
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("the Spark master did not open port " + port + "\n" + logTails());
    }

    /** The last lines of every process log (for failure messages). */
    String logTails() {
        StringBuilder b = new StringBuilder();
        for (Path log : logs) {
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                b.append("--- ").append(log.getFileName()).append('\n');
                lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(l -> b.append(l).append('\n'));
            } catch (IOException e) {
                b.append("--- ").append(log.getFileName()).append(": ").append(e.getMessage()).append('\n');
            }
        }
        return b.toString();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
