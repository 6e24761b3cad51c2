package org.quantlstm.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quantlstm.common.DateRange;
import org.quantlstm.common.Interval;
import org.quantlstm.common.Symbol;
import org.quantlstm.common.UserInputException;
import org.quantlstm.data.StubHttpServer.Reply;

/**
 * A provider answering with faults, through the cache into a store that already holds good data: every fault
 * ends as one {@link UserInputException} and the store is unchanged (same content hash, same file bytes).
 */
class ProviderFaultsTest {
    private static final Instant NOW = Instant.parse("2024-03-18T12:00:00Z");
    private static final String PATH = "/v8/finance/chart/SPY";
    private final StubHttpServer stub = StubHttpServer.start();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        stub.close();
    }

    private HttpFetcher fetcher(URI base, long maxBody) {
        HttpFetcher.Settings s = new HttpFetcher.Settings(Duration.ofSeconds(2), Duration.ofMillis(1500), 3,
                Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(30), "quantlstm-test/1.0");
        return new HttpFetcher(s, sleeps::add, Clock.fixed(NOW, ZoneOffset.UTC), new Random(1), l -> { }, maxBody);
    }

    private CachingSource cache(URI base, long maxBody, boolean refresh) {
        YahooSource yahoo = new YahooSource(base, fetcher(base, maxBody), Clock.fixed(NOW, ZoneOffset.UTC));
        StoreAccess access = new StoreAccess(dir, Duration.ZERO, l -> { });
        return new CachingSource(yahoo, access, refresh, Clock.fixed(NOW, ZoneOffset.UTC), w -> { });
    }

    /** Fills the store with the good fixture, then checks that {@code fault} fails and changes nothing. */
    private void assertFaultLeavesStoreUnchanged(URI base, long maxBody, String expected) throws IOException {
        stub.on(PATH, r -> Reply.json(StubHttpServer.fixture("yahoo_spy_1d.json")));
        CachingSource good = cache(stub.baseUrl(), HttpFetcher.DEFAULT_MAX_BODY_BYTES, false);
        assertThat(good.fetch(Symbol.of("SPY"), Interval.D1, DateRange.all()).bars().size()).isEqualTo(10);
        byte[] before = Files.readAllBytes(dir.resolve(MarketStore.FILE_NAME));
        assertThatThrownBy(() -> cache(base, maxBody, true).fetch(Symbol.of("SPY"), Interval.D1, DateRange.all()))
                .isInstanceOf(UserInputException.class).hasMessageContaining(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(600));
        assertThat(Files.readAllBytes(dir.resolve(MarketStore.FILE_NAME))).isEqualTo(before);
    }

    private void script(Reply... replies) {
        // registered after the good fetch: replace the handler once the store is filled
        stub.sequence(PATH, replies);
    }

    private void faultAfterGoodFetch(Supplier<Reply[]> replies, String expected) throws IOException {
        stub.on(PATH, r -> Reply.json(StubHttpServer.fixture("yahoo_spy_1d.json")));
        CachingSource good = cache(stub.baseUrl(), HttpFetcher.DEFAULT_MAX_BODY_BYTES, false);
        good.fetch(Symbol.of("SPY"), Interval.D1, DateRange.all());
        byte[] before = Files.readAllBytes(dir.resolve(MarketStore.FILE_NAME));
        script(replies.get());
        assertThatThrownBy(() -> cache(stub.baseUrl(), HttpFetcher.DEFAULT_MAX_BODY_BYTES, true)
                .fetch(Symbol.of("SPY"), Interval.D1, DateRange.all()))
                .isInstanceOf(UserInputException.class).hasMessageContaining(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(600));
        assertThat(Files.readAllBytes(dir.resolve(MarketStore.FILE_NAME))).isEqualTo(before);
    }

    @Test
    void rateLimitedOnEveryAttempt() throws IOException {
        faultAfterGoodFetch(() -> new Reply[] {Reply.text(429, "Too Many Requests")}, "HTTP 429 on all 3 attempts");
    }

    @Test
    void serverErrorsOnEveryAttempt() throws IOException {
        faultAfterGoodFetch(() -> new Reply[] {Reply.text(502, "bad gateway"), Reply.text(503, "unavailable")},
                "HTTP 503 on all 3 attempts");
    }

    @Test
    void timeouts() throws IOException {
        faultAfterGoodFetch(() -> new Reply[] {Reply.json("{}").delayedBy(3000)}, "no answer within 1.5 s");
    }

    @Test
    void truncatedBody() throws IOException {
        faultAfterGoodFetch(() -> new Reply[] {Reply.json(StubHttpServer.fixture("yahoo_spy_1d.json")).cutAfter(300)},
                "SPY");
    }

    @Test
    void emptyBody() throws IOException {
        faultAfterGoodFetch(() -> new Reply[] {Reply.json("")}, "SPY");
    }

    @Test
    void htmlWithStatus200() throws IOException {
        faultAfterGoodFetch(() -> new Reply[] {Reply.of(200, "text/html",
                "<html><body>\u001b[31mWe're sorry\u0007</body></html>")}, "SPY");
    }

    @Test
    void aBarWithHighBelowLowIsRejectedAsInDataImport() throws IOException {
        ObjectMapper m = new ObjectMapper();
        ObjectNode doc = (ObjectNode) m.readTree(StubHttpServer.fixture("yahoo_spy_1d.json"));
        ObjectNode quote = (ObjectNode) doc.at("/chart/result/0/indicators/quote/0");
        ((ArrayNode) quote.get("high")).set(3, m.getNodeFactory().numberNode(1.0));
        String bad = m.writeValueAsString(doc);
        faultAfterGoodFetch(() -> new Reply[] {Reply.json(bad)}, "< low");
    }

    @Test
    void anAbsurdPriceIsRejected() throws IOException {
        ObjectMapper m = new ObjectMapper();
        ObjectNode doc = (ObjectNode) m.readTree(StubHttpServer.fixture("yahoo_spy_1d.json"));
        ObjectNode quote = (ObjectNode) doc.at("/chart/result/0/indicators/quote/0");
        for (String k : new String[] {"open", "high", "low", "close"}) {
            ((ArrayNode) quote.get(k)).set(2, m.getNodeFactory().numberNode(1e308));
        }
        String bad = m.writeValueAsString(doc);
        faultAfterGoodFetch(() -> new Reply[] {Reply.json(bad)}, "implausibly large");
    }

    @Test
    void aHugeDeclaredBodyIsRefusedBeforeItIsRead() throws IOException {
        try (RawServer s = new RawServer(600L << 20, true)) {
            assertFaultLeavesStoreUnchanged(s.url(), HttpFetcher.DEFAULT_MAX_BODY_BYTES, "sent more than 64 MiB");
        }
    }

    @Test
    void aHugeStreamedBodyIsCutAtTheLimit() throws IOException {
        try (RawServer s = new RawServer(600L << 20, false)) {
            assertFaultLeavesStoreUnchanged(s.url(), 1L << 20, "sent more than 1 MiB");
            assertThat(s.sent()).isLessThan(600L << 20); // the client hung up long before the end
        }
    }

    /** Serves {@code size} bytes of '[' to any path, with a Content-Length or chunked. */
    private static final class RawServer implements AutoCloseable {
        private final HttpServer server;
        private volatile long sent;

        RawServer(long size, boolean declared) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "raw-http");
                t.setDaemon(true);
                return t;
            }));
            server.createContext("/", ex -> {
                try (ex) {
                    ex.getResponseHeaders().add("Content-Type", "application/json");
                    ex.sendResponseHeaders(200, declared ? size : 0);
                    byte[] chunk = new byte[1 << 16];
                    java.util.Arrays.fill(chunk, (byte) '[');
                    OutputStream out = ex.getResponseBody();
                    for (long n = 0; n < size; n += chunk.length) {
                        out.write(chunk);
                        sent += chunk.length;
                    }
                } catch (IOException hungUp) {
                    // the client refused the body: expected
                }
            });
            server.start();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        long sent() {
            return sent;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
