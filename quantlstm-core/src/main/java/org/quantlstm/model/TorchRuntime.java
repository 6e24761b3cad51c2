package org.quantlstm.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The one place that loads the PyTorch engine and chooses the device. Package-private: nothing outside
 * {@code model} sees DJL.
 *
 * <p>Offline: {@code ai.djl.offline=true} is set before the engine loads, so DJL never downloads anything; the
 * native libraries come from the {@code pytorch-native-cpu} (or, with {@code mvn -Pcuda}, {@code
 * pytorch-native-cu124}) jar on the classpath. DJL extracts them once into {@code
 * <cache>/pytorch/<version>-<build>-<flavor>-linux-x86_64/} where {@code <cache>} is the system property or
 * environment variable {@code ENGINE_CACHE_DIR}, else {@code DJL_CACHE_DIR}, else {@code ~/.djl.ai}. On a
 * fresh machine whose home directory is not writable we point {@code ENGINE_CACHE_DIR} at
 * {@code java.io.tmpdir/quantlstm-djl} so that extraction still works.
 *
 * <p>Device: {@code -Dquantlstm.device=cpu|gpu|auto} (default auto: the first GPU when the engine sees one,
 * else the CPU).
 *
 * <p>Threads: PyTorch's intra-op thread count is applied per calling thread (OpenMP keeps it per thread), so
 * every fit/predict calls {@link #useThreads(int)} on its own thread before touching tensors.
 */
final class TorchRuntime {
    static final String ENGINE = "PyTorch";

    private TorchRuntime() {
    }

    private static final class Holder {
        static final Engine ENGINE_INSTANCE = load();
        static final Device DEVICE = chooseDevice(ENGINE_INSTANCE);
    }

    private static Engine load() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getProperty("ENGINE_CACHE_DIR") == null && System.getenv("ENGINE_CACHE_DIR") == null
                && System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            Path home = Path.of(System.getProperty("user.home", "/"));
            Path djl = home.resolve(".djl.ai");
            boolean writable = Files.isDirectory(djl) ? Files.isWritable(djl) : Files.isWritable(home);
            if (!writable) {
                System.setProperty("ENGINE_CACHE_DIR",
                        Path.of(System.getProperty("java.io.tmpdir"), "quantlstm-djl").toString());
            }
        }
        Engine engine = Engine.getEngine(ENGINE);
        if (engine == null) {
            throw new IllegalStateException("PyTorch engine not found on the classpath");
        }
        return engine;
    }

    private static Device chooseDevice(Engine engine) {
        String wanted = System.getProperty("quantlstm.device", "auto").toLowerCase(Locale.ROOT);
        int gpus = engine.getGpuCount();
        switch (wanted) {
            case "cpu":
                return Device.cpu();
            case "gpu":
                if (gpus == 0) {
                    throw new IllegalStateException("-Dquantlstm.device=gpu but PyTorch sees no GPU");
                }
                return Device.gpu(0);
            default:
                return gpus > 0 ? Device.gpu(0) : Device.cpu();
        }
    }

    static Engine engine() {
        return Holder.ENGINE_INSTANCE;
    }

    static Device device() {
        return Holder.DEVICE;
    }

    /** Sets PyTorch's intra-op threads for the calling thread (and as the default for threads started later). */
    static void useThreads(int threads) {
        engine();
        JniUtils.setNumThreads(Math.max(1, threads));
    }

    /** Enables or disables autograd recording on the calling thread (PyTorch's grad mode is thread-local). */
    static void gradMode(boolean enabled) {
        engine();
        JniUtils.setGradMode(enabled);
    }

    /** "DJL x / PyTorch y", recorded with saved models. */
    static String engineLabel() {
        return "DJL " + ai.djl.engine.Engine.getDjlVersion() + " / PyTorch " + engine().getVersion();
    }

    static String describe() {
        Engine e = engine();
        return e.getEngineName() + " " + e.getVersion() + " on " + device() + " (GPUs visible: " + e.getGpuCount()
                + ", native libs: " + ai.djl.pytorch.jni.LibUtils.getLibtorchPath() + ")";
    }
}
