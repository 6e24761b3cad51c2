package org.quantlstm.spark;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.quantlstm.common.Excerpt;
import org.quantlstm.common.UserInputException;
import org.quantlstm.workflow.TaskRunner;
import org.quantlstm.workflow.TaskRunnerFactory;

/**
 * {@code --engine spark}: opens a {@link SparkTaskRunner} on a new Spark context. The master is {@code --master}
 * when given, else Spark's own setting ({@code spark.master}, which spark-submit passes), else {@code local[*]}.
 *
 * <p>Choices made here, each only when the user's Spark configuration does not set it:
 * <ul>
 *   <li>{@code local[N]} becomes {@code local[N,F]} with F = {@code spark.task.maxFailures} (default 4), so a
 *       failed task attempt is retried in local mode as on a cluster (plain {@code local[N]} never retries);</li>
 *   <li>executors run with {@code -Dai.djl.offline=true} and {@code OMP_WAIT_POLICY=PASSIVE}, as the launcher
 *       runs the driver;</li>
 *   <li>for a {@code spark://} master outside spark-submit, {@code spark.jars} is the assembly jar built next to
 *       this module's jar (target/quantlstm-spark-assembly.jar), so executors get the application's classes.</li>
 * </ul>
 */
public final class SparkTaskRunnerFactory implements TaskRunnerFactory {
    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\d{1,4}|\\*)])?");
    private static final Pattern ACCEPTED = Pattern.compile("local(\\[(\\d{1,4}|\\*)(,\\d{1,3})?])?|spark://[A-Za-z0-9.\\-]+:\\d{1,5}(,[A-Za-z0-9.\\-]+:\\d{1,5})*|yarn|k8s://\\S+");

    @Override
    public String engine() {
        return "spark";
    }

    @Override
    public TaskRunner open(String master, Consumer<String> log) {
        SparkConf conf = configure(new SparkConf(), master);
        log.accept("Spark: starting " + conf.get("spark.master") + " ...");
        JavaSparkContext sc = new JavaSparkContext(conf);
        sc.setLogLevel("WARN");
        return new SparkTaskRunner(sc, true);
    }

    /** The configuration the runner starts with (see the class comment); {@code conf} holds Spark's own settings. */
    static SparkConf configure(SparkConf conf, String master) {
        String m = master != null ? master.trim() : conf.get("spark.master", "local[*]");
        if (!ACCEPTED.matcher(m).matches()) {
            throw new UserInputException("--master " + Excerpt.of(m, 60)
                    + ": Spark takes local[N], local[N,F], local[*], spark://HOST:PORT, yarn or k8s://URL");
        }
        Matcher local = LOCAL.matcher(m);
        if (local.matches()) {
            String threads = local.group(1) == null ? "1" : local.group(1);
            m = "local[" + threads + "," + conf.getInt("spark.task.maxFailures", 4) + "]";
        }
        conf.setMaster(m);
        conf.setIfMissing("spark.app.name", "quantlstm");
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.log.level", "WARN");
        conf.setIfMissing("spark.executor.extraJavaOptions", "-Dai.djl.offline=true -Djava.awt.headless=true");
        conf.setIfMissing("spark.executorEnv.OMP_WAIT_POLICY", "PASSIVE");
        if (m.startsWith("spark://") && !conf.contains("spark.jars")) {
            Path assembly = assemblyJar();
            if (assembly != null) {
                conf.set("spark.jars", assembly.toString());
            }
        }
        return conf;
    }

    /** target/quantlstm-spark-assembly.jar beside the jar (or classes folder) this class was loaded from. */
    static Path assemblyJar() {
        try {
            var src = SparkTaskRunnerFactory.class.getProtectionDomain().getCodeSource();
            if (src == null) {
                return null;
            }
            Path here = Path.of(src.getLocation().toURI());
            if (here.getFileName().toString().equals("quantlstm-spark-assembly.jar")) {
                return here;
            }
            Path dir = Files.isDirectory(here) ? here.getParent() : here.getParent();
            Path jar = dir == null ? null : dir.resolve("quantlstm-spark-assembly.jar");
            return jar != null && Files.isRegularFile(jar) ? jar : null;
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
