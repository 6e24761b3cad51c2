package org.quantlstm.model;

import java.util.List;
import org.quantlstm.common.UserInputException;

/**
 * The network registry: a network name ({@code model.net}) and a cell ({@code model.cell}: lstm or gru) give the
 * spec. Each shape says which of the size settings it reads, so a system can reject a key that its network
 * ignores instead of recording it as applied.
 */
public final class Networks {
    private Networks() {
    }

    /** The size settings a network shape reads. */
    public enum Size { HIDDEN, LAYERS, DROPOUT }

    /**
     * One registered shape, with the sizes it uses when the experiment does not set them (the seed's own where the
     * seed gives them).
     */
    public record Shape(String name, List<String> aliases, List<Size> reads, String description, int defaultHidden,
                        int defaultLayers, double defaultDropout) {
        public Shape {
            aliases = List.copyOf(aliases);
            reads = List.copyOf(reads);
        }
    }

    /** Every shape, in the order {@code --help} lists them. */
    public static final List<Shape> SHAPES = List.of(
            new Shape("spy-analyser", List.of(), List.of(Size.DROPOUT),
                    "BiRNN(128) → BiRNN(64) → RNN(32) → Dense(16, ReLU) → Dense(1), dropout after each recurrent layer",
                    0, 0, 0.2),
            new Shape("weekly-12", List.of(), List.of(Size.HIDDEN, Size.LAYERS),
                    "RNN(hidden × layers; seed 256 × 2) → Dense(1)", 256, 2, 0),
            new Shape("multi-asset", List.of("multi-asset-4h"), List.of(Size.HIDDEN, Size.LAYERS, Size.DROPOUT),
                    "RNN(hidden × layers, dropout between layers) → Dense(1)", 64, 2, 0.2),
            new Shape("cross-sectional", List.of(), List.of(Size.HIDDEN, Size.LAYERS, Size.DROPOUT),
                    "RNN(hidden × layers) → Dropout → Dense(1)", 32, 1, 0.1));

    /** The registered shape called {@code net}, aliases included. */
    public static Shape shape(String net) {
        for (Shape s : SHAPES) {
            if (s.name().equals(net) || s.aliases().contains(net)) {
                return s;
            }
        }
        throw new UserInputException("unknown network '" + net + "': use one of "
                + String.join(", ", SHAPES.stream().map(Shape::name).toList()));
    }

    /** The spec of {@code net} built from {@code cell} cells. */
    public static LstmSpec spec(String net, LstmSpec.Cell cell, int lookback, int features, int hidden, int layers,
                                double dropout) {
        LstmSpec spec = switch (shape(net).name()) {
            case "spy-analyser" -> LstmSpec.spyAnalyser(lookback, features, dropout);
            case "weekly-12" -> LstmSpec.weekly12(lookback, features, hidden, layers);
            case "multi-asset" -> LstmSpec.multiAsset(lookback, features, hidden, layers, dropout);
            case "cross-sectional" -> LstmSpec.crossSectional(lookback, features, hidden, layers, dropout);
            default -> throw new IllegalStateException(net);
        };
        return cell == LstmSpec.Cell.LSTM ? spec : spec.withCell(cell);
    }
}
