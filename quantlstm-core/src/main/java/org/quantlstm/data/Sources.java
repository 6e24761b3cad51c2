package org.quantlstm.data;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.quantlstm.common.Excerpt;
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
        if (baseUrl != null) {
            checkBaseUrl(baseUrl);
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "yahoo" -> new YahooSource(baseUrl == null ? YahooSource.DEFAULT_BASE_URL : baseUrl, fetcher);
            case "stooq" -> new StooqSource(baseUrl == null ? StooqSource.DEFAULT_BASE_URL : baseUrl, fetcher);
            case "binance" -> new BinanceSource(baseUrl == null ? BinanceSource.DEFAULT_BASE_URL : baseUrl, fetcher);
            default -> throw new UserInputException("unknown source '" + name + "': use one of " + String.join(", ", NETWORK));
        };
    }

    /** A provider base URL must be an absolute http(s) URL with a host: no file:, jar: or relative URLs. */
    static void checkBaseUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new UserInputException("--base-url '" + Excerpt.of(url.toString(), 80)
                    + "' must be an http:// or https:// URL");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            throw new UserInputException("--base-url '" + Excerpt.of(url.toString(), 80) + "' has no host name");
        }
    }
}
