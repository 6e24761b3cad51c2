package org.quantlstm.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Objects;
import org.quantlstm.common.UserInputException;

/**
 * A sequence network as data: input shape (lookback, features) and an ordered list of layers ending in one
 * linear output unit. The four reference networks are the static factories; {@link Forecaster} builds the
 * DJL block from a spec, and the spec is saved as JSON next to the weights.
 *
 * <p>Conventions: inputs are batch-first (batch, lookback, features). A {@link Recurrent} layer with
 * {@code returnSequences = true} emits (batch, lookback, units) — {@code units = hidden} or {@code 2 × hidden}
 * when bidirectional — and with {@code false} emits (batch, units) from the last step (for a bidirectional
 * layer: the forward direction's last step concatenated with the backward direction's last step, i.e. its
 * state after reading the whole window backwards, as Keras does). {@code dropout} inside a recurrent layer is
 * applied between its stacked layers only (PyTorch semantics). A bidirectional layer is built from a forward
 * LSTM and an LSTM over the time-reversed input (DJL's own bidirectional LSTM with biases is broken on the
 * PyTorch engine).
 *
 * @param name     a label, e.g. {@code spy-analyser}
 * @param lookback steps per window
 * @param features values per step
 * @param layers   the layers in order; the last is {@code Dense(1, LINEAR)}
 */
public record LstmSpec(String name, int lookback, int features, List<Layer> layers)
        implements java.io.Serializable {
    public LstmSpec {
        Objects.requireNonNull(name, "name");
        if (lookback <= 0 || features <= 0) {
            throw new UserInputException("lookback and features must be positive: " + lookback + ", " + features);
        }
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new UserInputException("a network needs layers");
        }
        boolean sequence = true;
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            if (l instanceof Recurrent r) {
                if (!sequence) {
                    throw new UserInputException("layer " + i + ": a recurrent layer needs a sequence input");
                }
                sequence = r.returnSequences();
            } else if (l instanceof Dense && sequence) {
                throw new UserInputException("layer " + i + ": a dense layer needs the last recurrent layer to"
                        + " return its last step (returnSequences=false)");
            }
        }
        Layer last = layers.get(layers.size() - 1);
        if (!(last instanceof Dense d) || d.units() != 1 || d.activation() != Activation.LINEAR) {
            throw new UserInputException("the last layer must be Dense(1, LINEAR), got " + last);
        }
    }

    /** One layer of a spec. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(value = Recurrent.class, name = "lstm"),
            @JsonSubTypes.Type(value = Dropout.class, name = "dropout"),
            @JsonSubTypes.Type(value = Dense.class, name = "dense")})
    public sealed interface Layer extends java.io.Serializable permits Recurrent, Dropout, Dense {
    }

    /** The recurrent cell: LSTM (4 gates) or GRU (3 gates). */
    public enum Cell {
        LSTM, GRU;

        /** {@code lstm} or {@code gru}. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Cell parse(String text) {
            String t = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
            return switch (t) {
                case "lstm" -> LSTM;
                case "gru" -> GRU;
                default -> throw new UserInputException("unknown cell '" + text + "': use lstm or gru");
            };
        }

        /** Gates per cell: the multiple of h·(in + h) weights and of the 2·h biases (PyTorch layout). */
        int gates() {
            return this == LSTM ? 4 : 3;
        }
    }

    /**
     * A recurrent layer of {@code layers} stacked layers of {@code hidden} units of one {@link Cell} kind,
     * optionally bidirectional. {@code cell} null (older saved specs) reads as LSTM.
     */
    public record Recurrent(int hidden, int layers, boolean bidirectional, double dropout, boolean returnSequences,
                            Cell cell) implements Layer {
        public Recurrent {
            if (hidden <= 0 || layers <= 0 || !(dropout >= 0 && dropout < 1)) {
                throw new UserInputException("bad recurrent layer: hidden=" + hidden + " layers=" + layers
                        + " dropout=" + dropout);
            }
            cell = cell == null ? Cell.LSTM : cell;
        }

        /** An LSTM layer. */
        public Recurrent(int hidden, int layers, boolean bidirectional, double dropout, boolean returnSequences) {
            this(hidden, layers, bidirectional, dropout, returnSequences, Cell.LSTM);
        }

        /** The same layer with another cell. */
        public Recurrent withCell(Cell c) {
            return new Recurrent(hidden, layers, bidirectional, dropout, returnSequences, c);
        }

        /** Output width: hidden, or twice that when bidirectional. */
        public int units() {
            return bidirectional ? 2 * hidden : hidden;
        }
    }

    /** Inverted dropout during training only. */
    public record Dropout(double rate) implements Layer {
        public Dropout {
            if (!(rate >= 0 && rate < 1)) {
                throw new UserInputException("dropout rate must be in [0,1): " + rate);
            }
        }
    }

    /** A fully connected layer with an activation. */
    public record Dense(int units, Activation activation) implements Layer {
        public Dense {
            if (units <= 0) {
                throw new UserInputException("dense units must be positive: " + units);
            }
            Objects.requireNonNull(activation, "activation");
        }
    }

    /** Activation after a dense layer. */
    public enum Activation { LINEAR, RELU, TANH }

    /**
     * Seed 001 (spy-analyser): BiLSTM(128, sequences) → Dropout 0.2 → BiLSTM(64, sequences) → Dropout 0.2 →
     * LSTM(32, last step) → Dropout 0.2 → Dense(16, ReLU) → Dense(1). The seed uses a 60-day lookback over
     * 31 features.
     */
    public static LstmSpec spyAnalyser(int lookback, int features) {
        return spyAnalyser(lookback, features, 0.2);
    }

    /** {@link #spyAnalyser(int, int)} with another rate for its three dropout layers (the seed's is 0.2). */
    public static LstmSpec spyAnalyser(int lookback, int features, double dropout) {
        return new LstmSpec("spy-analyser", lookback, features, List.of(
                new Recurrent(128, 1, true, 0, true), new Dropout(dropout),
                new Recurrent(64, 1, true, 0, true), new Dropout(dropout),
                new Recurrent(32, 1, false, 0, false), new Dropout(dropout),
                new Dense(16, Activation.RELU), new Dense(1, Activation.LINEAR)));
    }

    /** The same network with every recurrent layer built from {@code cell} cells. */
    public LstmSpec withCell(Cell cell) {
        return new LstmSpec(name, lookback, features, layers.stream()
                .map(l -> l instanceof Recurrent r ? (Layer) r.withCell(cell) : l).toList());
    }

    /** Seed 002 (weekly-12): LSTM 2 layers × 256 → Linear(1); the seed uses a 24-week window of one price. */
    public static LstmSpec weekly12(int lookback, int features) {
        return weekly12(lookback, features, 256, 2);
    }

    /** {@link #weekly12(int, int)} with other sizes (the seed's are 256 units, 2 layers). */
    public static LstmSpec weekly12(int lookback, int features, int hidden, int layers) {
        return new LstmSpec("weekly-12", lookback, features, List.of(
                new Recurrent(hidden, layers, false, 0, false), new Dense(1, Activation.LINEAR)));
    }

    /** Seed 000 (multi-asset-4h): LSTM(hidden, layers, dropout between layers) → Linear(1) on price + RSI. */
    public static LstmSpec multiAsset(int lookback, int features, int hidden, int layers, double dropout) {
        return new LstmSpec("multi-asset-4h", lookback, features, List.of(
                new Recurrent(hidden, layers, false, dropout, false), new Dense(1, Activation.LINEAR)));
    }

    /**
     * Seed 003 (cross-sectional): one pooled LSTM trained on the windows of many stocks →
     * Dropout → Linear(1) alpha score; all stocks of a date are scored in one batched forward pass
     * ({@link Forecaster#scoreCrossSection}).
     */
    public static LstmSpec crossSectional(int lookback, int features, int hidden, int layers, double dropout) {
        return new LstmSpec("cross-sectional", lookback, features, List.of(
                new Recurrent(hidden, layers, false, dropout, false), new Dropout(dropout),
                new Dense(1, Activation.LINEAR)));
    }

    /**
     * Number of trainable weights: per direction and layer g·h·(in + h) + 2·g·h (PyTorch's two bias vectors), with
     * g = 4 gates for an LSTM and 3 for a GRU.
     */
    public long parameterCount() {
        long total = 0;
        int in = features;
        for (Layer l : layers) {
            if (l instanceof Recurrent r) {
                int layerIn = in;
                for (int k = 0; k < r.layers(); k++) {
                    long g = r.cell().gates();
                    long one = g * r.hidden() * (layerIn + r.hidden()) + 2 * g * r.hidden();
                    total += r.bidirectional() ? 2 * one : one;
                    layerIn = r.units();
                }
                in = r.units();
            } else if (l instanceof Dense d) {
                total += (long) d.units() * in + d.units();
                in = d.units();
            }
        }
        return total;
    }
}
