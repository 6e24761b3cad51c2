package org.quantlstm.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.quantlstm.common.UserInputException;
import org.quantlstm.features.Windows;

/**
 * An LSTM forecaster: one network from an {@link LstmSpec}, trained with {@link #fit}, applied with
 * {@link #predict}, stored with {@link #save} and {@link #load}. Holds native memory: use try-with-resources.
 *
 * <p>Reproducibility: initial weights come from {@code seed}, batch order and dropout masks from
 * {@link TrainConfig#seed()}, all through Java generators owned by this instance (never PyTorch's shared
 * generator). On the CPU with the same thread count, the same seeds give bit-identical predictions, also when
 * several forecasters train concurrently on different threads.
 *
 * <p>Memory: every training step and every prediction chunk runs inside its own {@code NDManager} scope that
 * is closed at the end, so native memory stays flat however long training runs.
 *
 * <p>Not thread-safe: one forecaster is used by one thread at a time. Different forecasters may train
 * concurrently (DJL's own gradient collector allows only one per process; this class drives autograd
 * directly, whose grad mode is per thread).
 */
public final class Forecaster implements SequenceModel {
    static final String PARAMS_FILE = "params.bin";
    static final String SPEC_FILE = "spec.json";
    static final String METADATA_FILE = "metadata.json";
    private static final int FORMAT_VERSION = 1;
    /** Largest forward pass at inference; see {@link #inferenceChunk(LstmSpec)}. */
    private static final int MAX_CHUNK = 1024;
    /** Bytes of recurrent gate activations per inference pass that still run from cache (measured, 2-core EPYC). */
    private static final long CHUNK_BYTES = 16L << 20;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final LstmSpec spec;
    private final long seed;
    private final NDManager manager;
    private final Network network;
    private final ParameterStore store;
    private final Map<String, Object> metadata;
    private final AtomicLong forwardPasses = new AtomicLong();
    private final int inferenceChunk;

    private Forecaster(LstmSpec spec, long seed, Map<String, Object> metadata) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.seed = seed;
        this.metadata = metadata;
        this.inferenceChunk = inferenceChunk(spec);
        this.manager = NDManager.newBaseManager(TorchRuntime.device(), TorchRuntime.ENGINE);
        try {
            this.network = Network.build(spec, seed);
            network.block().initialize(manager, DataType.FLOAT32, new Shape(1, spec.lookback(), spec.features()));
            this.store = new ParameterStore(manager, false);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** A new, untrained forecaster whose initial weights depend only on {@code spec} and {@code seed}. */
    public static Forecaster create(LstmSpec spec, long seed) {
        return new Forecaster(spec, seed, Map.of());
    }

    public LstmSpec spec() {
        return spec;
    }

    /** The caller's metadata saved with the model (empty for a new forecaster). */
    public Map<String, Object> metadata() {
        return metadata;
    }

    /** The engine, its version and the device (GPU when one is present, else CPU). */
    public static String runtimeDescription() {
        return TorchRuntime.describe();
    }

    /** Number of forward passes run so far (training steps, validation and prediction chunks). */
    public long forwardPasses() {
        return forwardPasses.get();
    }

    /** Trains silently; see {@link #fit(Windows, Windows, TrainConfig, TrainingListener)}. */
    public TrainingHistory fit(Windows train, Windows valid, TrainConfig config) {
        return fit(train, valid, config, TrainingListener.SILENT);
    }

    /**
     * Trains on {@code train}, monitoring {@code valid} (may be null or empty: then the training loss is
     * monitored). Both must be chronologically split by the caller (validation after training); the test
     * segment must never be passed here. Returns the per-epoch history; when {@code config.restoreBest()} the
     * weights end at the best epoch. Training starts from the current weights (a second call fine-tunes) with a
     * fresh Adam state. Windows may pool many series (seed 003): batches are drawn from all of them.
     */
    @Override
    public TrainingHistory fit(Windows train, Windows valid, TrainConfig config, TrainingListener listener) {
        checkShape(train, "training");
        if (train.samples() == 0) {
            throw new UserInputException("no training windows: the training segment is shorter than the lookback");
        }
        boolean hasValid = valid != null && valid.samples() > 0;
        if (hasValid) {
            checkShape(valid, "validation");
        }
        TorchRuntime.useThreads(config.threads());
        network.reseedDropouts(config.seed());
        SplittableRandom random = new SplittableRandom(config.seed());
        PlateauRate rate = new PlateauRate(config.learningRate());
        Adam adam = Optimizer.adam().optLearningRateTracker(rate).build();
        List<Parameter> params = trainable();

        int n = train.samples();
        int perSample = spec.lookback() * spec.features();
        int batches = (n + config.batchSize() - 1) / config.batchSize();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        float[] xBuf = new float[config.batchSize() * perSample];
        float[] yBuf = new float[config.batchSize()];

        List<Double> trainLoss = new ArrayList<>();
        List<Double> validLoss = new ArrayList<>();
        List<Double> lrs = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        float[][] bestWeights = null;
        int sinceBest = 0;
        int sinceLrCut = 0;
        long steps = 0;
        boolean stoppedEarly = false;
        long started = System.nanoTime();
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            long epochStart = System.nanoTime();
            if (config.shuffle()) {
                for (int i = n - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
            }
            listener.epochStarted(epoch + 1, config.epochs(), batches);
            double lossSum = 0;
            for (int b = 0; b < batches; b++) {
                int from = b * config.batchSize();
                int size = Math.min(config.batchSize(), n - from);
                for (int k = 0; k < size; k++) {
                    int s = order[from + k];
                    System.arraycopy(train.x(), s * perSample, xBuf, k * perSample, perSample);
                    yBuf[k] = train.y()[s];
                }
                double loss = step(xBuf, yBuf, size, config, adam, params);
                if (!Double.isFinite(loss)) {
                    throw new UserInputException("training diverged (loss " + loss + ") at epoch " + (epoch + 1)
                            + "; lower the learning rate or check the scaling of features and targets");
                }
                lossSum += loss * size;
                steps++;
                listener.batchFinished(epoch + 1, b, loss);
            }
            double epochTrain = lossSum / n;
            double epochValid = hasValid ? loss(predict(valid), valid.y(), config) : Double.NaN;
            double monitored = hasValid ? epochValid : epochTrain;
            trainLoss.add(epochTrain);
            validLoss.add(epochValid);
            lrs.add(rate.value);
            boolean improved = monitored < best - config.minDelta();
            if (improved) {
                best = monitored;
                bestEpoch = epoch;
                bestWeights = config.restoreBest() ? snapshot(params) : null;
                sinceBest = 0;
                sinceLrCut = 0;
            } else {
                sinceBest++;
                sinceLrCut++;
            }
            long now = System.nanoTime();
            long perEpoch = (now - started) / (epoch + 1) / 1_000_000L;
            listener.epochFinished(new EpochReport(epoch + 1, config.epochs(), epochTrain, epochValid, rate.value,
                    improved, (now - epochStart) / 1_000_000L, perEpoch * (config.epochs() - epoch - 1)));
            if (config.patience() > 0 && sinceBest >= config.patience()) {
                stoppedEarly = epoch + 1 < config.epochs();
                break;
            }
            if (config.lrPatience() > 0 && sinceLrCut >= config.lrPatience()) {
                rate.value = Math.max(config.minLearningRate(), rate.value * config.lrFactor());
                sinceLrCut = 0;
            }
        }
        boolean restored = false;
        if (bestWeights != null && bestEpoch != trainLoss.size() - 1) {
            restore(params, bestWeights);
            restored = true;
        }
        TrainingHistory history = new TrainingHistory(toArray(trainLoss), toArray(validLoss), toArray(lrs), bestEpoch,
                stoppedEarly, restored || bestWeights != null, steps);
        listener.trainingFinished(history);
        return history;
    }

    /** One optimisation step in its own native scope; returns the batch loss. */
    private double step(float[] xBuf, float[] yBuf, int size, TrainConfig config, Adam adam, List<Parameter> params) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.create(java.nio.FloatBuffer.wrap(xBuf, 0, size * spec.lookback() * spec.features()),
                    new Shape(size, spec.lookback(), spec.features()));
            NDArray y = scope.create(java.nio.FloatBuffer.wrap(yBuf, 0, size), new Shape(size, 1));
            double lossValue;
            TorchRuntime.gradMode(true);
            try {
                NDArray pred = network.block().forward(store, new NDList(x), true).singletonOrThrow();
                forwardPasses.incrementAndGet();
                NDArray loss = lossArray(pred, y, config);
                JniUtils.backward((PtNDArray) loss, (PtNDArray) scope.ones(loss.getShape()), false, false);
                lossValue = loss.getFloat();
            } finally {
                TorchRuntime.gradMode(false);
            }
            List<NDArray> grads = new ArrayList<>(params.size());
            for (Parameter p : params) {
                NDArray g = p.getArray().getGradient();
                g.attach(scope);
                grads.add(g);
            }
            if (config.clipNorm() > 0) {
                NDArray sq = null;
                for (NDArray g : grads) {
                    NDArray s = g.square().sum();
                    sq = sq == null ? s : sq.add(s);
                }
                double norm = Math.sqrt(sq.getFloat());
                if (norm > config.clipNorm()) {
                    float scale = (float) (config.clipNorm() / (norm + 1e-6));
                    for (NDArray g : grads) {
                        g.muli(scale);
                    }
                }
            }
            for (int i = 0; i < params.size(); i++) {
                Parameter p = params.get(i);
                NDArray g = grads.get(i);
                adam.update(p.getId(), p.getArray(), g);
                g.subi(g);
            }
            return lossValue;
        }
    }

    static NDArray lossArray(NDArray pred, NDArray y, TrainConfig config) {
        NDArray diff = pred.sub(y);
        if (config.loss() == TrainConfig.LossKind.MSE) {
            return diff.square().mean();
        }
        float delta = (float) config.huberDelta();
        NDArray abs = diff.abs();
        NDArray quadratic = abs.minimum(delta);
        NDArray linear = abs.sub(quadratic);
        return quadratic.square().mul(0.5f).add(linear.mul(delta)).mean();
    }

    /** The same loss as training, in double precision on the host. */
    static double loss(double[] pred, float[] y, TrainConfig config) {
        double sum = 0;
        double delta = config.huberDelta();
        for (int i = 0; i < y.length; i++) {
            double d = Math.abs(pred[i] - y[i]);
            if (config.loss() == TrainConfig.LossKind.MSE) {
                sum += d * d;
            } else {
                double q = Math.min(d, delta);
                sum += 0.5 * q * q + delta * (d - q);
            }
        }
        return sum / y.length;
    }

    /** Forecasts for every window, in order (inference mode: no dropout), in chunks (see {@link #inferenceChunk}). */
    @Override
    public double[] predict(Windows windows) {
        checkShape(windows, "prediction");
        return forwardAll(windows);
    }

    /**
     * Scores a cross-section — the windows of every stock on one date — in batched forward passes (seed 003's
     * pooled model; one pass unless the cross-section is larger than {@link #inferenceChunk}). Returns one score
     * per window, in order.
     */
    public double[] scoreCrossSection(Windows sameDate) {
        checkShape(sameDate, "cross-section");
        return forwardAll(sameDate);
    }

    private double[] forwardAll(Windows windows) {
        int n = windows.samples();
        double[] out = new double[n];
        for (int from = 0; from < n; from += inferenceChunk) {
            forwardInto(windows, from, Math.min(inferenceChunk, n - from), out);
        }
        return out;
    }

    /**
     * Windows per inference pass: as many as keep one pass's recurrent gate activations (lookback × 4 × hidden ×
     * directions floats per window, for the widest recurrent layer) within {@value #CHUNK_BYTES} bytes, between 32
     * and 1,024. A pass larger than the cache is slower per window, not faster: in one sweep of pass sizes the
     * spy-analyser network inferred 1.4× more windows per CPU-second in passes of 64 than in one pass of 1,024
     * (docs/BENCHMARKS.md), while small networks (multi-asset, cross-sectional) keep gaining up to 1,024. Each window's forecast does not
     * depend on the chunking beyond floating-point rounding, and the chunking is fixed by the spec, so results
     * stay reproducible.
     */
    static int inferenceChunk(LstmSpec spec) {
        long widest = 1;
        for (LstmSpec.Layer l : spec.layers()) {
            if (l instanceof LstmSpec.Recurrent r) {
                widest = Math.max(widest, 4L * r.hidden() * (r.bidirectional() ? 2 : 1));
            }
        }
        long perWindow = 4L * spec.lookback() * widest;
        return (int) Math.max(32, Math.min(MAX_CHUNK, CHUNK_BYTES / perWindow));
    }

    private void forwardInto(Windows w, int from, int size, double[] out) {
        int per = spec.lookback() * spec.features();
        TorchRuntime.gradMode(false);
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.create(java.nio.FloatBuffer.wrap(w.x(), from * per, size * per),
                    new Shape(size, spec.lookback(), spec.features()));
            float[] pred = network.block().forward(store, new NDList(x), false).singletonOrThrow().toFloatArray();
            forwardPasses.incrementAndGet();
            for (int i = 0; i < size; i++) {
                out[from + i] = pred[i];
            }
        }
    }

    private void checkShape(Windows w, String what) {
        Objects.requireNonNull(w, what + " windows");
        if (w.lookback() != spec.lookback() || w.features() != spec.features()) {
            throw new UserInputException(what + " windows have shape (lookback " + w.lookback() + ", features "
                    + w.features() + ") but the " + spec.name() + " network expects (" + spec.lookback() + ", "
                    + spec.features() + ")");
        }
    }

    private List<Parameter> trainable() {
        List<Parameter> out = new ArrayList<>();
        for (Pair<String, Parameter> p : network.block().getParameters()) {
            if (p.getValue().requiresGradient()) {
                p.getValue().getArray().setRequiresGradient(true);
                out.add(p.getValue());
            }
        }
        return out;
    }

    private static float[][] snapshot(List<Parameter> params) {
        float[][] copy = new float[params.size()][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = params.get(i).getArray().toFloatArray();
        }
        return copy;
    }

    private static void restore(List<Parameter> params, float[][] weights) {
        for (int i = 0; i < weights.length; i++) {
            params.get(i).getArray().set(weights[i]);
        }
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Number of native arrays held by this forecaster's manager and its open scopes (for leak checks). */
    int managedArrays() {
        return manager.getManagedArrays().size();
    }

    /**
     * Writes the model as one directory: {@code params.bin} (weights), {@code spec.json} (spec, seed, format)
     * and {@code metadata.json} (the caller's map, e.g. scaler and feature set; values must be JSON-able).
     * Written into a temporary sibling directory first and then moved into place, so a crash never leaves a
     * half-written model at {@code dir}; an existing model there is replaced.
     */
    @Override
    public void save(Path dir, Map<String, Object> extraMetadata) {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(parent);
            tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp");
            try (DataOutputStream os = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(tmp.resolve(PARAMS_FILE))))) {
                network.block().saveParameters(os);
            }
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("formatVersion", FORMAT_VERSION);
            header.put("seed", seed);
            header.put("engine", TorchRuntime.engineLabel());
            header.put("spec", spec);
            JSON.writeValue(tmp.resolve(SPEC_FILE).toFile(), header);
            JSON.writeValue(tmp.resolve(METADATA_FILE).toFile(), extraMetadata == null ? Map.of() : extraMetadata);
            Path backup = null;
            if (Files.exists(target)) {
                backup = Files.createTempDirectory(parent, "." + target.getFileName() + ".old");
                Files.delete(backup);
                Files.move(target, backup, StandardCopyOption.ATOMIC_MOVE);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
            tmp = null;
            if (backup != null) {
                deleteTree(backup);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save model to " + target, e);
        } finally {
            if (tmp != null) {
                deleteTree(tmp);
            }
        }
    }

    /** Reads a directory written by {@link #save}; the result predicts exactly as the saved forecaster did. */
    public static Forecaster load(Path dir) {
        Path spec = dir.resolve(SPEC_FILE);
        if (!Files.isRegularFile(spec) || !Files.isRegularFile(dir.resolve(PARAMS_FILE))) {
            throw new UserInputException("model directory " + dir + ": no " + SPEC_FILE + " and " + PARAMS_FILE
                    + " (not a saved model)");
        }
        Map<String, Object> metadata;
        long seed;
        LstmSpec lstmSpec;
        try {
            Map<String, Object> header = JSON.readValue(spec.toFile(), new TypeReference<Map<String, Object>>() { });
            Object version = header.get("formatVersion");
            if (!(version instanceof Number v) || v.intValue() != FORMAT_VERSION) {
                throw new UserInputException("model directory " + dir + ": unsupported format version " + version);
            }
            seed = ((Number) header.get("seed")).longValue();
            lstmSpec = JSON.convertValue(header.get("spec"), LstmSpec.class);
            Path meta = dir.resolve(METADATA_FILE);
            metadata = Files.isRegularFile(meta)
                    ? JSON.readValue(meta.toFile(), new TypeReference<LinkedHashMap<String, Object>>() { }) : Map.of();
        } catch (IOException | IllegalArgumentException e) {
            throw new UserInputException("model directory " + dir + ": unreadable " + SPEC_FILE + " (" + e.getMessage()
                    + ")", e);
        }
        Forecaster f = new Forecaster(lstmSpec, seed, java.util.Collections.unmodifiableMap(metadata));
        try (DataInputStream is = new DataInputStream(new BufferedInputStream(
                Files.newInputStream(dir.resolve(PARAMS_FILE))))) {
            f.network.block().loadParameters(f.manager, is);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            f.close();
            throw new UserInputException("model directory " + dir + ": " + PARAMS_FILE + " does not match "
                    + SPEC_FILE + " (" + e.getMessage() + ")", e);
        }
        return f;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    @Override
    public long parameterCount() {
        return spec().parameterCount();
    }

    @Override
    public void close() {
        manager.close();
    }

    /** A learning rate that reduce-on-plateau lowers between epochs. */
    private static final class PlateauRate implements Tracker {
        private double value;

        PlateauRate(double value) {
            this.value = value;
        }

        @Override
        public float getNewValue(int numUpdate) {
            return (float) value;
        }
    }
}
