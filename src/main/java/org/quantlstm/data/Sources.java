package org.quantlstm.data;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.quantlstm.common.UserInputException;

/** The network providers by name, for {@code quantlstm fetch} and {@code --source} options. */
public final class Sources {
    /** Provider names accepted by {@link #network(String, URI, HttpFetcher)}. */
    public static final List<String> NETWORK = List.of("yahoo", "stooq", "binance");

    private Sources() {
    }

    /**
     * A network source. {@code baseUrl} null means the provider's real host; a URL points at a mirror or a local
     * stub (tests).
     */
    public static MarketDataSource network(String name, URI baseUrl, HttpFetcher fetcher) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "yahoo" -> new YahooSource(baseUrl == null ? YahooSource.DEFAULT_BASE_URL : baseUrl, fetcher);
            case "stooq" -> new StooqSource(baseUrl == null ? StooqSource.DEFAULT_BASE_URL : baseUrl, fetcher);
            case "binance" -> new BinanceSource(baseUrl == null ? BinanceSource.DEFAULT_BASE_URL : baseUrl, fetcher);
            default -> throw new UserInputException("unknown source '" + name + "': use one of " + String.join(", ", NETWORK));
        };
    }
}
