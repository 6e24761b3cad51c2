/**
 * The Spark engine of quantlstm, kept in its own module so that Spark's dependency tree never reaches the
 * application jar. {@link org.quantlstm.spark.SparkTaskRunner} runs the core's independent units of work (one
 * stock's training, a tuning trial, a sweep chunk: serialisable records returning plain data) as Spark tasks, one
 * partition per task, results in task order, failed attempts retried by Spark;
 * {@link org.quantlstm.spark.SparkTaskRunnerFactory} plugs it in as {@code --engine spark} through the core's
 * {@code TaskRunnerFactory} service; {@link org.quantlstm.spark.SparkMain} is the assembly jar's entry point for
 * spark-submit. No Spark type leaves this package.
 */
package org.quantlstm.spark;
