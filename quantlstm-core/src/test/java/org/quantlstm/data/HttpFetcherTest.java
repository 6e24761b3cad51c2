package org.quantlstm.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.quantlstm.common.UserInputException;
import org.quantlstm.data.StubHttpServer.Reply;

@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HttpFetcherTest {
    private static final Instant NOW = Instant.parse("2024-03-18T12:00:00Z");
    private final StubHttpServer stub = StubHttpServer.start();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final List<String> notices = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        stub.close();
    }

    private HttpFetcher fetcher(int attempts, Duration requestTimeout) {
        HttpFetcher.Settings s = new HttpFetcher.Settings(Duration.ofSeconds(2), requestTimeout, attempts,
                Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofSeconds(30), "quantlstm-test/1.0");
        return new HttpFetcher(s, sleeps::add, Clock.fixed(NOW, ZoneOffset.UTC), new Random(7), notices::add);
    }

    private HttpFetcher fetcher(int attempts) {
        return fetcher(attempts, Duration.ofSeconds(5));
    }

    private URI url(String path) {
        return URI.create(stub.baseUrl() + path);
    }

    @Test
    void returnsTheBodyAndSendsTheUserAgent() {
        stub.on("/ok", r -> Reply.text(200, "hello"));
        assertThat(fetcher(3).get(url("/ok?x=1"), "SPY")).isEqualTo("hello");
        assertThat(stub.requests()).singleElement().satisfies(r -> {
            assertThat(r.userAgent()).isEqualTo("quantlstm-test/1.0");
            assertThat(r.params()).containsEntry("x", "1");
        });
        assertThat(sleeps).isEmpty();
    }

    @Test
    void retriesAfter429HonouringRetryAfter() {
        stub.sequence("/limited", Reply.text(429, "Too Many Requests").withHeader("Retry-After", "2"),
                Reply.text(200, "ok"));
        assertThat(fetcher(3).get(url("/limited"), "SPY")).isEqualTo("ok");
        assertThat(stub.requests()).hasSize(2);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
        assertThat(notices).containsExactly("127.0.0.1: HTTP 429 for SPY; retry 2/3 in 2.0 s");
    }

    @Test
    void binanceBan418IsRetriedLike429() {
        stub.sequence("/ban", Reply.json(418, "{\"code\":-1003,\"msg\":\"Way too many requests; IP banned.\"}")
                .withHeader("Retry-After", "1"), Reply.text(200, "[]"));
        assertThat(fetcher(2).get(url("/ban"), "BTCUSDT 4h")).isEqualTo("[]");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void fiveHundredsUntilRetriesAreExhaustedEndInOneLine() {
        stub.on("/down", r -> Reply.text(503, "Service Unavailable"));
        assertThatThrownBy(() -> fetcher(3).get(url("/down"), "SPY"))
                .isInstanceOf(UserInputException.class)
                .hasMessage("127.0.0.1 answered HTTP 503 on all 3 attempts for SPY");
        assertThat(stub.requests()).hasSize(3);
        // exponential backoff with equal jitter: 100 ms then 200 ms, each drawn from [half, full]
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void backoffDoublesUpToItsCapWithJitter() {
        HttpFetcher f = fetcher(3);
        long[] full = {100, 200, 400, 400, 400};
        for (int k = 1; k <= full.length; k++) {
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                long ms = f.backoff(k).toMillis();
                assertThat(ms).isBetween(full[k - 1] / 2, full[k - 1]);
                seen.add(ms);
            }
            assertThat(seen).as("jitter at k=%d", k).hasSizeGreaterThan(10);
        }
    }

    @Test
    void clientErrorsAreNotRetriedAndKeepTheBody() {
        stub.on("/missing", r -> Reply.json(404, "{\"error\":\"nope\"}"));
        assertThatThrownBy(() -> fetcher(3).get(url("/missing"), "NOPE"))
                .isInstanceOfSatisfying(HttpFetcher.HttpStatusException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.body()).isEqualTo("{\"error\":\"nope\"}");
                    assertThat(e.getMessage()).isEqualTo("127.0.0.1 answered HTTP 404 for NOPE: {\"error\":\"nope\"}");
                });
        assertThat(stub.requests()).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aRetryAfterBeyondTheCapFailsAtOnce() {
        stub.on("/ban", r -> Reply.text(429, "slow down").withHeader("Retry-After", "3600"));
        assertThatThrownBy(() -> fetcher(3).get(url("/ban"), "BTCUSDT"))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("127.0.0.1 answered HTTP 429 (rate limited) for BTCUSDT")
                .hasMessageContaining("asks to wait 3600 s");
        assertThat(stub.requests()).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void retryAfterAcceptsSecondsAndHttpDates() {
        HttpFetcher f = fetcher(3);
        assertThat(f.parseRetryAfter("7")).contains(Duration.ofSeconds(7));
        assertThat(f.parseRetryAfter("Mon, 18 Mar 2024 12:00:05 GMT")).contains(Duration.ofSeconds(5));
        assertThat(f.parseRetryAfter("Mon, 18 Mar 2024 11:00:00 GMT")).contains(Duration.ZERO);
        assertThat(f.parseRetryAfter("soon")).isEmpty();
        assertThat(f.parseRetryAfter("-3")).isEmpty();
    }

    @Test
    void aSlowServerTimesOutWithAClearMessage() {
        stub.on("/slow", r -> Reply.text(200, "late").delayedBy(3_000));
        assertThatThrownBy(() -> fetcher(2, Duration.ofMillis(250)).get(url("/slow"), "SPY"))
                .isInstanceOf(UserInputException.class)
                .hasMessage("127.0.0.1 gave no answer within 0.3 s on all 2 attempts for SPY");
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void aClosedPortReadsAsOffline() {
        URI closed = URI.create("http://127.0.0.1:" + StubHttpServer.closedPort() + "/v8/finance/chart/SPY");
        assertThatThrownBy(() -> fetcher(2).get(closed, "SPY"))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("cannot reach 127.0.0.1 (offline?): ")
                .hasMessageEndingWith("on all 2 attempts for SPY");
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void aConnectionDroppedMidBodyIsRetried() {
        String body = "Date,Open,High,Low,Close,Volume\r\n2024-03-15,496.81,498.37,494.88,497.72,107646300\r\n";
        stub.sequence("/cut", Reply.csv(body).cutAfter(40), Reply.csv(body));
        assertThat(fetcher(3).get(url("/cut"), "SPY")).isEqualTo(body);
        assertThat(stub.requests()).hasSize(2);
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void aConnectionDroppedEveryTimeFailsInOneLine() {
        stub.on("/cut", r -> Reply.json("{\"chart\":{\"result\":[]}}").cutAfter(10));
        assertThatThrownBy(() -> fetcher(2).get(url("/cut"), "SPY"))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("download from 127.0.0.1 failed on all 2 attempts for SPY: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> HttpFetcher.Settings.defaults().withMaxAttempts(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpFetcher.Settings.defaults().withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(HttpFetcher.Settings.defaults().maxAttempts()).isEqualTo(3);
    }
}
