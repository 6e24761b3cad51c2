package org.quantlstm.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.quantlstm.common.Symbol;
import org.quantlstm.workflow.ModelWorkflow;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quantlstm predict}: load a saved model and forecast the next close from the latest bars. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Forecast the next close with a model saved by 'quantlstm train' (latest bars last).")
final class PredictCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, description = "Model directory written by 'quantlstm train'.")
    Path model;

    @Option(names = "--ticker", description = "Apply the model to another ticker (default: the one it was trained on).")
    String ticker;

    @Option(names = "--last", defaultValue = "5", description = "How many latest bars to forecast from (default: ${DEFAULT-VALUE}).")
    int last;

    @CommandLine.Mixin
    DataOptions data = new DataOptions();

    @CommandLine.ParentCommand
    Main main;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        List<ModelWorkflow.Forecast> fs = ModelWorkflow.predict(model, ticker == null ? null : Symbol.of(ticker), last,
                data.resolver(main, "auto", spec.commandLine().getErr()));
        out.printf(Locale.ROOT, "%-17s %12s %16s %10s %14s%n", "decision bar", "close", "predicted next", "pred. ret", "actual next");
        for (ModelWorkflow.Forecast f : fs) {
            out.printf(Locale.ROOT, "%-17s %12.4f %16.4f %9.3f%% %14s%n", f.decision(), f.close(), f.predictedNextClose(),
                    f.predictedReturn() * 100, Double.isNaN(f.actualNextClose()) ? "(not yet)"
                            : String.format(Locale.ROOT, "%.4f", f.actualNextClose()));
        }
        return 0;
    }
}
