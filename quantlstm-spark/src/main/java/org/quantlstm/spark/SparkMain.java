package org.quantlstm.spark;

/**
 * The main class of the assembly jar for {@code spark-submit}: the same command line as {@code ./quantlstm}
 * (e.g. {@code run weekly-12 --engine spark}); spark-submit supplies the master and the cluster settings, which
 * {@code --engine spark} picks up when {@code --master} is not given.
 */
public final class SparkMain {
    private SparkMain() {
    }

    public static void main(String[] args) {
        org.quantlstm.cli.Main.main(args);
    }
}
