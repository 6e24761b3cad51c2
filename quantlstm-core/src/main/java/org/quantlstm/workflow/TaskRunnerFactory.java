package org.quantlstm.workflow;

/**
 * Makes the {@link TaskRunner} of one engine; found with {@link java.util.ServiceLoader} so that an engine
 * whose dependencies are not in the application jar (Spark, in module {@code quantlstm-spark}) plugs in from
 * its own jar. The local engine is built in ({@link Engines}).
 */
public interface TaskRunnerFactory {
    /** The name users give with {@code --engine}, e.g. {@code spark}. */
    String engine();

    /**
     * Opens a runner. {@code master} is the engine's own address ({@code local[2]}, {@code spark://host:7077});
     * null means the engine's default. {@code log} receives one-line notices.
     */
    TaskRunner open(String master, java.util.function.Consumer<String> log);
}
