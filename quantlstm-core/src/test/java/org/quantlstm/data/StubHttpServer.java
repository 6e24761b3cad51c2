package org.quantlstm.data;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A local HTTP server on 127.0.0.1 (an ephemeral port) that plays a market-data provider in tests: each
 * path answers with a scripted {@link Reply} (status, headers, body, an optional delay, or a body cut off
 * mid-stream), and every request is recorded. Never listens on anything but loopback.
 */
public final class StubHttpServer implements AutoCloseable {
    /** A recorded request. */
    public record Request(String method, String path, String rawQuery, Map<String, String> params, String userAgent) {
        long longParam(String name) {
            return Long.parseLong(params.get(name));
        }
    }

    /**
     * A scripted answer. {@code cutAfterBytes >= 0} announces the full length but sends only that many bytes
     * and then closes the connection, as a dropped connection would.
     */
    public record Reply(int status, String body, Map<String, String> headers, long delayMillis, int cutAfterBytes) {
        public static Reply of(int status, String contentType, String body) {
            return new Reply(status, body, Map.of("Content-Type", contentType), 0, -1);
        }

        public static Reply json(String body) {
            return of(200, "application/json;charset=utf-8", body);
        }

        public static Reply json(int status, String body) {
            return of(status, "application/json;charset=utf-8", body);
        }

        public static Reply csv(String body) {
            return of(200, "text/csv", body);
        }

        public static Reply text(int status, String body) {
            return of(status, "text/plain", body);
        }

        Reply withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, body, h, delayMillis, cutAfterBytes);
        }

        public Reply delayedBy(long millis) {
            return new Reply(status, body, headers, millis, cutAfterBytes);
        }

        Reply cutAfter(int bytes) {
            return new Reply(status, body, headers, delayMillis, bytes);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "stub-http");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Function<Request, Reply>> handlers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private StubHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static StubHttpServer start() {
        try {
            return new StubHttpServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers requests to {@code path} (exact, query ignored) with {@code handler}. */
    public StubHttpServer on(String path, Function<Request, Reply> handler) {
        handlers.put(path, handler);
        return this;
    }

    /** Answers requests to {@code path} with the replies in order; the last one repeats. */
    public StubHttpServer sequence(String path, Reply... replies) {
        AtomicInteger next = new AtomicInteger();
        return on(path, r -> replies[Math.min(next.getAndIncrement(), replies.length - 1)]);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** A loopback port with nothing listening (bound and released), for "cannot connect" tests. */
    public static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture file from {@code src/test/resources/org/quantlstm/data/net/}. */
    public static String fixture(String name) {
        try (InputStream in = StubHttpServer.class.getResourceAsStream("net/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            URI uri = ex.getRequestURI();
            Request req = new Request(ex.getRequestMethod(), uri.getPath(), uri.getRawQuery(), params(uri.getRawQuery()),
                    ex.getRequestHeaders().getFirst("User-Agent"));
            requests.add(req);
            Function<Request, Reply> h = handlers.get(uri.getPath());
            Reply reply = h == null ? Reply.text(404, "no stub for " + uri.getPath()) : h.apply(req);
            if (reply.delayMillis() > 0) {
                try {
                    Thread.sleep(reply.delayMillis());
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                OutputStream out = ex.getResponseBody();
                if (reply.cutAfterBytes() >= 0) {
                    out.write(Arrays.copyOf(body, Math.min(reply.cutAfterBytes(), body.length)));
                    out.flush();
                    // Closing a fixed-length stream short throws; letting that escape the handler makes the
                    // server drop the connection, so the client sees the body end early.
                    out.close();
                } else {
                    out.write(body);
                }
            }
        }
    }

    private static Map<String, String> params(String rawQuery) {
        Map<String, String> p = new LinkedHashMap<>();
        if (rawQuery == null) {
            return p;
        }
        for (String kv : rawQuery.split("&")) {
            int eq = kv.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
            p.put(k, v);
        }
        return p;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Paths that were requested, in order (for assertions on call counts). */
    public List<String> paths() {
        List<String> out = new ArrayList<>();
        requests.forEach(r -> out.add(r.path()));
        return out;
    }
}
