package org.quantlstm.data;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.quantlstm.common.UserInputException;

/**
 * A small, blocking wrapper around {@link HttpClient} for the network market-data sources: GET a URL and
 * return its body as text, with timeouts, bounded retries and one-line errors a user can act on.
 *
 * <p>Retry policy. A request is tried at most {@link Settings#maxAttempts()} times. It is retried after
 * HTTP 429 (too many requests), HTTP 418 (Binance's "IP banned for a while", sent with {@code Retry-After}),
 * any 5xx, a request timeout, a refused connection or another I/O failure (connection reset, body cut
 * off). Between attempts it sleeps for the server's {@code Retry-After} (seconds or an HTTP date) when
 * present, otherwise for an exponential backoff {@code min(maxBackoff, initialBackoff·2^(k−1))} after the
 * k-th failure with "equal jitter" (a uniformly drawn delay between half and all of it), so that many
 * clients do not retry in lock-step. A {@code Retry-After} longer than {@link Settings#maxRetryAfter()} is
 * not waited for: the fetch fails at once with a message that says how long the provider asked to wait.
 * An unknown host (DNS failure, typically when offline) is not retried.
 *
 * <p>Errors. Every failure ends as a {@link UserInputException} with one line naming the host and what
 * was being fetched ({@code subject}, usually the symbol): {@code cannot reach HOST (offline?): ...},
 * {@code HOST answered HTTP 503 on all 3 attempts for SPY}, or for other 4xx answers an
 * {@link HttpStatusException} that carries the status and body so that a source can turn the provider's
 * error document into a better message.
 *
 * <p>Sleeping, time and jitter are injected ({@link Sleeper}, {@link Clock}, {@link RandomGenerator}), so
 * tests run without waiting. Instances are immutable and thread-safe.
 */
public final class HttpFetcher {
    /** How the fetcher waits between attempts; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;

        /** Sleeps on the calling thread. */
        static Sleeper real() {
            return d -> Thread.sleep(d.toMillis());
        }
    }

    /**
     * Timeouts and retry limits.
     *
     * @param connectTimeout  time to open a TCP/TLS connection
     * @param requestTimeout  time from sending a request to receiving the whole response
     * @param maxAttempts     attempts per request, the first one included (1 = no retry)
     * @param initialBackoff  base delay after the first failure; doubled after each further failure
     * @param maxBackoff      upper bound of the backoff delay before jitter
     * @param maxRetryAfter   longest {@code Retry-After} the fetcher is willing to wait
     * @param userAgent       value of the {@code User-Agent} header (Yahoo refuses Java's default one)
     */
    public record Settings(Duration connectTimeout, Duration requestTimeout, int maxAttempts,
                           Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter, String userAgent) {
        /** A browser-like agent: Yahoo answers 429 to obvious library agents. */
        public static final String DEFAULT_USER_AGENT =
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) quantlstm/0.1";

        public Settings {
            requirePositive(connectTimeout, "connectTimeout");
            requirePositive(requestTimeout, "requestTimeout");
            Objects.requireNonNull(initialBackoff, "initialBackoff");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
            Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
            if (maxAttempts < 1 || maxAttempts > 20) {
                throw new IllegalArgumentException("maxAttempts must be in 1..20: " + maxAttempts);
            }
            if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || maxRetryAfter.isNegative()) {
                throw new IllegalArgumentException("backoff settings must satisfy 0 <= initial <= max: "
                        + initialBackoff + ", " + maxBackoff + ", retry-after cap " + maxRetryAfter);
            }
            if (userAgent == null || userAgent.isBlank() || userAgent.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("userAgent must be a non-blank single line");
            }
        }

        /** 10 s to connect, 30 s per request, 3 attempts, backoff 1 s doubling up to 8 s, Retry-After up to 60 s. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(10), Duration.ofSeconds(30), 3, Duration.ofSeconds(1),
                    Duration.ofSeconds(8), Duration.ofSeconds(60), DEFAULT_USER_AGENT);
        }

        public Settings withTimeouts(Duration connect, Duration request) {
            return new Settings(connect, request, maxAttempts, initialBackoff, maxBackoff, maxRetryAfter, userAgent);
        }

        public Settings withMaxAttempts(int attempts) {
            return new Settings(connectTimeout, requestTimeout, attempts, initialBackoff, maxBackoff, maxRetryAfter,
                    userAgent);
        }

        private static void requirePositive(Duration d, String name) {
            if (d == null || d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
        }
    }

    /**
     * A 4xx answer other than 429/418: the request itself is wrong (unknown symbol, bad parameter). Carries
     * status and body so a source can read the provider's error document; its own message is already a
     * usable one-liner.
     */
    public static final class HttpStatusException extends UserInputException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final transient String body;

        HttpStatusException(String message, int status, String body) {
            super(message);
            this.status = status;
            this.body = body;
        }

        public int status() {
            return status;
        }

        public String body() {
            return body;
        }
    }

    /** The largest response body accepted by default: 64 MiB (Yahoo's largest chart answers are a few MiB). */
    public static final long DEFAULT_MAX_BODY_BYTES = 64L << 20;

    private final Settings settings;
    private final long maxBodyBytes;
    private final HttpClient client;
    private final Sleeper sleeper;
    private final Clock clock;
    private final RandomGenerator random;
    private final Consumer<String> notices;

    /**
     * @param settings timeouts and retry limits
     * @param sleeper  how to wait between attempts
     * @param clock    "now" for HTTP-date {@code Retry-After} values
     * @param random   jitter source
     * @param notices  receives one line per retry ("HOST answered 429 for SPY; retry 2/3 in 1.2 s"), e.g. for
     *                 a {@code --verbose} log; use {@code s -> { }} to ignore
     */
    public HttpFetcher(Settings settings, Sleeper sleeper, Clock clock, RandomGenerator random,
                       Consumer<String> notices) {
        this(settings, sleeper, clock, random, notices, DEFAULT_MAX_BODY_BYTES);
    }

    /** As above, with the largest body accepted; a longer answer fails with one line and is not retried. */
    public HttpFetcher(Settings settings, Sleeper sleeper, Clock clock, RandomGenerator random,
                       Consumer<String> notices, long maxBodyBytes) {
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be >= 1024: " + maxBodyBytes);
        }
        this.maxBodyBytes = maxBodyBytes;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.notices = Objects.requireNonNull(notices, "notices");
        // HTTP/1.1: every provider speaks it, and it avoids h2c upgrade attempts on plain-http test stubs.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** Given settings, real sleeping, the system clock, and no retry notices. */
    public HttpFetcher(Settings settings) {
        this(settings, Sleeper.real(), Clock.systemUTC(), RandomGenerator.getDefault(), s -> { });
    }

    /** {@link Settings#defaults()}, real sleeping, the system clock, no retry notices. */
    public static HttpFetcher standard() {
        return new HttpFetcher(Settings.defaults());
    }

    public Settings settings() {
        return settings;
    }

    /**
     * GETs {@code uri} and returns the body of a 2xx answer as text (charset from {@code Content-Type},
     * UTF-8 by default).
     *
     * @param uri     the URL; its host names the provider in messages
     * @param subject what is being fetched, for messages (e.g. {@code SPY} or {@code BTCUSDT 4h})
     * @throws HttpStatusException for a 4xx answer other than 429/418
     * @throws UserInputException  when the host cannot be reached or every attempt failed
     */
    public String get(URI uri, String subject) {
        String host = uri.getHost() == null ? uri.toString() : uri.getHost();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", "application/json, text/csv, text/plain, */*")
                .GET()
                .build();
        String lastFailure = "no attempt";
        Failure lastKind = Failure.IO;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            Optional<Duration> retryAfter = Optional.empty();
            try {
                HttpResponse<String> response = send(request);
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return response.body();
                }
                if (status == 429 || status == 418 || status >= 500) {
                    lastKind = Failure.STATUS;
                    lastFailure = "HTTP " + status;
                    retryAfter = response.headers().firstValue("Retry-After").flatMap(this::parseRetryAfter);
                    if (retryAfter.isPresent() && retryAfter.get().compareTo(settings.maxRetryAfter()) > 0) {
                        throw new UserInputException(host + " answered HTTP " + status + " (rate limited) for "
                                + subject + " and asks to wait " + retryAfter.get().toSeconds()
                                + " s before retrying; try again later");
                    }
                } else {
                    throw new HttpStatusException(host + " answered HTTP " + status + " for " + subject
                            + snippet(response.body()), status, response.body());
                }
            } catch (BodyTooLargeException e) {
                throw new UserInputException(host + " sent more than " + BoundedLines.human(maxBodyBytes)
                        + " for " + subject + "; that is not a market-data answer (refused)", e);
            } catch (HttpConnectTimeoutException e) {
                lastKind = Failure.UNREACHABLE;
                lastFailure = "connect timed out after " + seconds(settings.connectTimeout());
            } catch (HttpTimeoutException e) {
                lastKind = Failure.TIMEOUT;
                lastFailure = "no answer within " + seconds(settings.requestTimeout());
            } catch (ConnectException e) {
                if (isUnresolved(e)) {
                    throw new UserInputException("cannot reach " + host + " (offline?): host name does not resolve"
                            + " (fetching " + subject + ")", e);
                }
                lastKind = Failure.UNREACHABLE;
                lastFailure = describe(e);
            } catch (UnknownHostException | UnresolvedAddressException e) {
                throw new UserInputException("cannot reach " + host + " (offline?): host name does not resolve"
                        + " (fetching " + subject + ")", e);
            } catch (IOException e) {
                lastKind = Failure.IO;
                lastFailure = describe(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UserInputException("download of " + subject + " from " + host + " was interrupted", e);
            }
            if (attempt < settings.maxAttempts()) {
                Duration delay = retryAfter.isPresent() ? retryAfter.get() : backoff(attempt);
                notices.accept(host + ": " + lastFailure + " for " + subject + "; retry " + (attempt + 1) + "/"
                        + settings.maxAttempts() + " in " + seconds(delay));
                try {
                    sleeper.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new UserInputException("download of " + subject + " from " + host + " was interrupted", e);
                }
            }
        }
        int n = settings.maxAttempts();
        String attempts = n == 1 ? "on its only attempt" : "on all " + n + " attempts";
        throw new UserInputException(switch (lastKind) {
            case UNREACHABLE -> "cannot reach " + host + " (offline?): " + lastFailure + " " + attempts
                    + " for " + subject;
            case STATUS -> host + " answered " + lastFailure + " " + attempts + " for " + subject;
            case TIMEOUT -> host + " gave " + lastFailure + " " + attempts + " for " + subject;
            case IO -> "download from " + host + " failed " + attempts + " for " + subject + ": " + lastFailure;
        });
    }

    private enum Failure { UNREACHABLE, STATUS, TIMEOUT, IO }

    /**
     * Sends and waits at most the request timeout for the whole response. {@link HttpClient}'s own request
     * timeout stops once the headers have arrived, so a body that stalls half-way would otherwise block
     * forever; here the deadline covers the body too.
     */
    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<String>> future = client.sendAsync(request, info -> limitedBody(info, maxBodyBytes));
        try {
            return future.get(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException("request timed out");
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof BodyTooLargeException big) {
                    throw big;
                }
            }
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause);
        }
    }

    /** A body over the size limit. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super("response body too large");
        }
    }

    /**
     * The body as text, read into memory only up to {@code max} bytes: a larger declared Content-Length or a
     * stream that goes past the limit fails with {@link BodyTooLargeException} and the connection is dropped.
     */
    static HttpResponse.BodySubscriber<String> limitedBody(HttpResponse.ResponseInfo info, long max) {
        java.nio.charset.Charset cs = charset(info.headers());
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        CompletableFuture<String> result = new CompletableFuture<>();
        return new HttpResponse.BodySubscriber<>() {
            private final java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
            private java.util.concurrent.Flow.Subscription sub;

            @Override
            public java.util.concurrent.CompletionStage<String> getBody() {
                return result;
            }

            @Override
            public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
                sub = subscription;
                if (declared > max) {
                    subscription.cancel();
                    result.completeExceptionally(new BodyTooLargeException());
                    return;
                }
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(java.util.List<java.nio.ByteBuffer> item) {
                if (result.isDone()) {
                    return;
                }
                for (java.nio.ByteBuffer b : item) {
                    if (buf.size() + (long) b.remaining() > max) {
                        sub.cancel();
                        result.completeExceptionally(new BodyTooLargeException());
                        return;
                    }
                    byte[] chunk = new byte[b.remaining()];
                    b.get(chunk);
                    buf.write(chunk, 0, chunk.length);
                }
            }

            @Override
            public void onError(Throwable throwable) {
                result.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                result.complete(buf.toString(cs));
            }
        };
    }

    private static java.nio.charset.Charset charset(java.net.http.HttpHeaders headers) {
        String type = headers.firstValue("Content-Type").orElse("");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)")
                .matcher(type);
        if (m.find()) {
            try {
                return java.nio.charset.Charset.forName(m.group(1));
            } catch (RuntimeException unknown) {
                return java.nio.charset.StandardCharsets.UTF_8;
            }
        }
        return java.nio.charset.StandardCharsets.UTF_8;
    }

    /** Backoff after the {@code k}-th failure: min(max, initial·2^(k−1)), jittered uniformly in [½, 1]. */
    Duration backoff(int k) {
        long base = settings.initialBackoff().toMillis();
        long cap = settings.maxBackoff().toMillis();
        long full = k <= 0 ? 0 : Math.min(cap, base << Math.min(k - 1, 30));
        long half = full / 2;
        return Duration.ofMillis(full - half + random.nextLong(half + 1));
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date; negative or unparsable values are ignored. */
    Optional<Duration> parseRetryAfter(String value) {
        String v = value.strip();
        try {
            long s = Long.parseLong(v);
            return s < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(s));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private static boolean isUnresolved(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null || root.getMessage().isBlank() ? e.getMessage() : root.getMessage();
        if (m == null || m.isBlank()) {
            m = root.getClass().getSimpleName();
        }
        return oneLine(m, 160);
    }

    private static String snippet(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        return ": " + oneLine(body, 200);
    }

    static String oneLine(String s, int max) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            b.append(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
        }
        String t = b.toString().replaceAll(" {2,}", " ").strip();
        return org.quantlstm.common.Excerpt.of(t, max) + (s.length() > max ? "..." : "");
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
