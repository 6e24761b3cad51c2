package org.quantlstm.model;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar per epoch (me.tongfei progressbar): steps, batch loss while running; at the end of the epoch
 * the training and validation loss, the learning rate and the estimated time left. Unicode blocks on a
 * terminal, ASCII when the output is not a TTY (logs, CI).
 */
public final class ProgressBarListener implements TrainingListener {
    private final PrintStream out;
    private final boolean ascii;
    private ProgressBar bar;

    /** Draws on {@code out}; ASCII unless a console is attached. */
    public ProgressBarListener(PrintStream out) {
        this(out, System.console() == null);
    }

    public ProgressBarListener(PrintStream out, boolean ascii) {
        this.out = out;
        this.ascii = ascii;
    }

    @Override
    public void epochStarted(int epoch, int maxEpochs, int batches) {
        bar = new ProgressBarBuilder().setTaskName(String.format(Locale.ROOT, "epoch %d/%d", epoch, maxEpochs))
                .setInitialMax(batches).setStyle(ascii ? ProgressBarStyle.ASCII : ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .setConsumer(new ConsoleProgressBarConsumer(out)).setUpdateIntervalMillis(500).build();
    }

    @Override
    public void batchFinished(int epoch, int batch, double loss) {
        if (bar != null) {
            bar.stepTo(batch + 1L);
            bar.setExtraMessage(String.format(Locale.ROOT, "loss %.5g", loss));
        }
    }

    @Override
    public void epochFinished(EpochReport r) {
        if (bar != null) {
            bar.setExtraMessage(message(r));
            bar.close();
            bar = null;
        }
    }

    static String message(EpochReport r) {
        Duration eta = Duration.ofMillis(r.etaMillis());
        return String.format(Locale.ROOT, "loss %.5g val %.5g lr %.2g%s eta %dm%02ds", r.trainLoss(), r.validLoss(),
                r.learningRate(), r.improved() ? " *" : "", eta.toMinutes(), eta.toSecondsPart());
    }
}
