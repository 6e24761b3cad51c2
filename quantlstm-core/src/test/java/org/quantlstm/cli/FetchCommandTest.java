package org.quantlstm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quantlstm.data.StubHttpServer;
import org.quantlstm.data.StubHttpServer.Reply;

/** {@code quantlstm fetch} against a local stub answering in Yahoo's format: download, cache hit, refresh, offline. */
class FetchCommandTest {
    private final StubHttpServer stub = StubHttpServer.start();

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void secondFetchIsServedFromTheStoreWithoutANetworkCall(@TempDir Path dir) {
        stub.on("/v8/finance/chart/SPY", r -> Reply.json(StubHttpServer.fixture("yahoo_spy_1d.json")));
        String url = stub.baseUrl().toString();
        MainTest.Result first = MainTest.run("--data-dir", dir.toString(), "fetch", "SPY", "--base-url", url);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("SPY", "downloaded and stored");
        assertThat(stub.requests()).hasSize(1);

        MainTest.Result second = MainTest.run("--data-dir", dir.toString(), "fetch", "SPY", "--base-url", url);
        assertThat(second.code()).isZero();
        assertThat(second.out()).contains("cache hit (no network call)");
        assertThat(stub.requests()).hasSize(1);

        MainTest.Result refreshed = MainTest.run("--data-dir", dir.toString(), "fetch", "SPY", "--base-url", url, "--refresh");
        assertThat(refreshed.code()).isZero();
        assertThat(refreshed.out()).contains("downloaded and stored");
        assertThat(stub.requests()).hasSize(2);

        MainTest.Result shown = MainTest.run("--data-dir", dir.toString(), "data", "show", "SPY");
        assertThat(shown.code()).isZero();
        assertThat(shown.out()).contains("yahoo");
    }

    @Test
    void aLaterEndThanTheLastDownloadAsksTheProviderAgainForTheTail(@TempDir Path dir) {
        stub.on("/v8/finance/chart/SPY", r -> Reply.json(StubHttpServer.fixture("yahoo_spy_1d.json")));
        String url = stub.baseUrl().toString();
        assertThat(MainTest.run("--data-dir", dir.toString(), "fetch", "SPY", "--base-url", url).code()).isZero();
        // the store knows the bars up to its download only: --to 2030-01-01 is not a cache hit
        MainTest.Result later = MainTest.run("--data-dir", dir.toString(), "fetch", "SPY", "--base-url", url,
                "--to", "2030-01-01");
        assertThat(later.code()).as(later.err()).isZero();
        assertThat(later.out()).contains("up to date: no bars after 2024-03-15 (last 5 re-checked)");
        assertThat(stub.requests()).hasSize(2);
        // asked from the 5th-last stored bar (2024-03-11; YahooSource pads period1 by a day), not from the start
        assertThat(Long.parseLong(stub.requests().get(1).params().get("period1")))
                .isBetween(1_710_028_800L, 1_710_115_200L);
    }

    @Test
    void offlineIsOneClearLineAndExitTwo(@TempDir Path dir) {
        String url = "http://127.0.0.1:" + StubHttpServer.closedPort();
        MainTest.Result r = MainTest.run("--data-dir", dir.toString(), "fetch", "SPY", "--base-url", url);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("cannot reach");
        assertThat(r.err().lines().filter(l -> l.startsWith("error:")).count()).isEqualTo(1);
    }

    @Test
    void unknownSourceAndBadDateAreUserErrors(@TempDir Path dir) {
        assertThat(MainTest.run("--data-dir", dir.toString(), "fetch", "SPY", "--source", "bloomberg").code()).isEqualTo(2);
        assertThat(MainTest.run("--data-dir", dir.toString(), "fetch", "SPY", "--from", "2024-13-01").err())
                .contains("--from '2024-13-01' is not a date");
    }
}
