/* Benchmark helper (not part of the build): see run.sh. */
import java.io.File;
import java.net.*;
import java.util.*;
import java.util.concurrent.Callable;

/** AB name=path1:path2 ... : loads Runner from each class path in its own loader, alternates sweeps. */
public class AB {
    public static void main(String[] a) throws Exception {
        int rounds = Integer.getInteger("rounds", 9), warm = Integer.getInteger("warm", 3);
        List<String> names = new ArrayList<>(); List<Callable<long[]>> runs = new ArrayList<>();
        for (String s : a) {
            String[] kv = s.split("=", 2);
            List<URL> urls = new ArrayList<>();
            for (String p : kv[1].split(":")) urls.add(new File(p).toURI().toURL());
            ClassLoader cl = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
            @SuppressWarnings("unchecked") Callable<long[]> r = (Callable<long[]>) cl.loadClass("Runner").getConstructor().newInstance();
            names.add(kv[0]); runs.add(r);
        }
        int v = runs.size();
        for (int w = 0; w < warm; w++) for (Callable<long[]> r : runs) r.call();
        double[][] cpu = new double[v][rounds], wall = new double[v][rounds]; long[] fp = new long[v]; long ev = 0;
        for (int i = 0; i < rounds; i++) for (int k = 0; k < v; k++) {
            long[] x = runs.get(k).call();
            cpu[k][i] = x[0] / 1e9; wall[k][i] = x[1] / 1e9; fp[k] = x[2]; ev = x[3];
        }
        for (int k = 0; k < v; k++) {
            double[] c = cpu[k].clone(), w = wall[k].clone(); Arrays.sort(c); Arrays.sort(w);
            System.out.printf(Locale.ROOT, "%-6s cpu-median %6.1f M/s  cpu-best %6.1f  wall-median %6.1f M/s  fp %016x%n", names.get(k),
                    ev / c[rounds / 2] / 1e6, ev / c[0] / 1e6, ev / w[rounds / 2] / 1e6, fp[k]);
        }
    }
}
