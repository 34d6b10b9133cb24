package fr.preuve.indexer.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preuve.indexer.fetch.ReplayServer.Reply;
import fr.preuve.indexer.source.golden.GoldenFiles;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpFetcherTest {

    static final Path PUBMED1 = GoldenFiles.moduleDir().resolve("src/test/resources/pubmed/pubmed1.xml");
    static final String XML = "text/xml; charset=UTF-8";

    @TempDir
    Path tmp;

    final ReplayServer server = new ReplayServer();
    final RecordingScheduler scheduler = new RecordingScheduler();

    @AfterEach
    void stop() {
        server.close();
    }

    /** 127.0.0.1 allow-listed, fast rate, 3 attempts, 2 s per response. */
    static FetchPolicy testPolicy() {
        return FetchPolicy.defaults(Set.of("127.0.0.1")).withRate(1000).withLimits(Duration.ofSeconds(2), 10_000_000, 3);
    }

    HttpFetcher fetcher(FetchPolicy policy) {
        return new HttpFetcher(policy, new DownloadCache(tmp.resolve("cache")), scheduler, UrlGuard.Resolver.system());
    }

    @Test
    void downloadsIntoTheCacheAndRevalidatesWithTheEtag() throws Exception {
        server.route("/efetch", r -> "\"v1\"".equals(r.header("If-None-Match")) ? Reply.status(304)
                : Reply.file(PUBMED1, XML).header("ETag", "\"v1\""));
        HttpFetcher f = fetcher(testPolicy());

        FetchOutcome first = f.fetch(FetchRequest.get(server.uri("/efetch?id=1")));
        FetchOutcome second = f.fetch(FetchRequest.get(server.uri("/efetch?id=1")));

        assertThat(first).isInstanceOfSatisfying(FetchOutcome.Fetched.class, b -> {
            assertThat(b.contentType()).isEqualTo(XML);
            assertThat(contentOf(b.file())).isEqualTo(contentOf(PUBMED1));
        });
        assertThat(second).isInstanceOfSatisfying(FetchOutcome.NotModified.class, n -> {
            assertThat(n.revalidated()).isTrue();
            assertThat(n.sha256()).isEqualTo(((FetchOutcome.Body) first).sha256());
        });
        assertThat(server.requests("/efetch")).extracting(r -> r.header("If-None-Match")).containsExactly(null, "\"v1\"");
        assertThat(server.requests("/efetch").getFirst().header("User-Agent")).startsWith("Preuve/");
    }

    @Test
    void anImmutableResourceInTheCacheIsNotRequestedAgain() {
        server.route("/doc.pdf", Reply.file(PUBMED1, "application/pdf"));
        HttpFetcher f = fetcher(testPolicy());

        f.fetch(FetchRequest.immutable(server.uri("/doc.pdf")));
        FetchOutcome again = fetcher(testPolicy()).fetch(FetchRequest.immutable(server.uri("/doc.pdf")));

        assertThat(again).isInstanceOfSatisfying(FetchOutcome.NotModified.class, n -> assertThat(n.revalidated()).isFalse());
        assertThat(server.requests("/doc.pdf")).hasSize(1);
    }

    @Test
    void retriesAfter429HonouringRetryAfterThenSucceeds() {
        server.script("/efetch", Reply.status(429).header("Retry-After", "7"), Reply.status(503))
                .route("/efetch", Reply.file(PUBMED1, XML));

        FetchOutcome out = fetcher(testPolicy()).fetch(FetchRequest.get(server.uri("/efetch")));

        assertThat(out).isInstanceOf(FetchOutcome.Fetched.class);
        assertThat(server.requests("/efetch")).hasSize(3);
        assertThat(scheduler.waits()).as("the Retry-After wait (never shortened), then a backoff of 2 s ± 25 %")
                .anySatisfy(d -> assertThat(d).isBetween(Duration.ofSeconds(7), Duration.ofMillis(7700)))
                .anySatisfy(d -> assertThat(d).isBetween(Duration.ofMillis(1500), Duration.ofMillis(2500)));
    }

    @Test
    void aRetryAfterDateIsCountedFromTheFetchersClock() {
        Instant now = Instant.parse("2025-06-02T08:00:00Z");
        server.script("/efetch", Reply.status(429).header("Retry-After", httpDate(now.plusSeconds(7))))
                .route("/efetch", Reply.file(PUBMED1, XML))
                .route("/later", Reply.status(503).header("Retry-After", httpDate(now.plusSeconds(3600))));
        HttpFetcher f = new HttpFetcher(testPolicy(), new DownloadCache(tmp.resolve("cache")), scheduler,
                UrlGuard.Resolver.system(), Clock.fixed(now, ZoneOffset.UTC));

        assertThat(f.fetch(FetchRequest.get(server.uri("/efetch")))).isInstanceOf(FetchOutcome.Fetched.class);
        assertThat(scheduler.waits()).as("the 7 s the date is ahead of the clock, plus up to 10 %")
                .anySatisfy(d -> assertThat(d).isBetween(Duration.ofSeconds(7), Duration.ofMillis(7700)));
        assertThat(f.fetch(FetchRequest.get(server.uri("/later")))).isInstanceOfSatisfying(FetchOutcome.Failed.class,
                b -> assertThat(b.reason()).startsWith("HTTP 503 Service Unavailable (the server asked to wait 3600 s"));
        assertThat(server.requests("/later")).hasSize(1);
    }

    private static String httpDate(Instant t) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(t.atOffset(ZoneOffset.UTC));
    }

    @Test
    void a503StormEndsAsAFailureAfterTheLastAttempt() {
        server.route("/efetch", Reply.status(503));

        FetchOutcome out = fetcher(testPolicy()).fetch(FetchRequest.get(server.uri("/efetch")));

        assertThat(out).isInstanceOfSatisfying(FetchOutcome.Failed.class, f -> {
            assertThat(f.status()).isEqualTo(503);
            assertThat(f.reason()).isEqualTo("HTTP 503 Service Unavailable after 3 attempts");
        });
        assertThat(server.requests("/efetch")).hasSize(3);
    }

    @Test
    void aRetryAfterLongerThanTheCapStopsAtOnce() {
        server.route("/efetch", Reply.status(429).header("Retry-After", "3600"));

        FetchOutcome out = fetcher(testPolicy()).fetch(FetchRequest.get(server.uri("/efetch")));

        assertThat(out).isInstanceOfSatisfying(FetchOutcome.Failed.class, f ->
                assertThat(f.reason()).startsWith("HTTP 429 Too Many Requests (the server asked to wait 3600 s"));
        assertThat(server.requests("/efetch")).hasSize(1);
    }

    @Test
    void a404IsReportedWithoutRetry() {
        FetchOutcome out = fetcher(testPolicy()).fetch(FetchRequest.get(server.uri("/missing.pdf")));

        assertThat(out).isEqualTo(new FetchOutcome.Failed(server.uri("/missing.pdf"), 404, "HTTP 404 Not Found"));
        assertThat(server.requests("/missing.pdf")).hasSize(1);
    }

    @Test
    void redirectsAreFollowedOnlyToAllowedHosts() {
        server.route("/old", Reply.redirect("/new")).route("/new", Reply.file(PUBMED1, XML))
                .route("/away", Reply.redirect("http://169.254.169.254/latest/meta-data/"))
                .route("/loop", Reply.redirect("/loop"));
        HttpFetcher f = fetcher(testPolicy());

        assertThat(f.fetch(FetchRequest.get(server.uri("/old")))).isInstanceOfSatisfying(FetchOutcome.Fetched.class,
                b -> assertThat(b.finalUrl()).isEqualTo(server.uri("/new")));
        assertThat(f.fetch(FetchRequest.get(server.uri("/away")))).isInstanceOfSatisfying(FetchOutcome.Failed.class,
                b -> assertThat(b.reason()).startsWith("redirect to http://169.254.169.254/latest/meta-data/ refused: host 169.254.169.254 is not in this source's allowed hosts"));
        assertThat(f.fetch(FetchRequest.get(server.uri("/loop")))).isInstanceOfSatisfying(FetchOutcome.Failed.class,
                b -> assertThat(b.reason()).isEqualTo("more than 5 redirects"));
    }

    @Test
    void hostsOffTheListInternalAddressesAndOtherSchemesAreRefusedWithoutARequest() {
        FetchPolicy byName = FetchPolicy.defaults(Set.of("preuve-test.example")).withRate(1000);
        HttpFetcher rebinding = new HttpFetcher(byName, new DownloadCache(tmp), scheduler,
                host -> new InetAddress[] {InetAddress.getLoopbackAddress()});
        HttpFetcher f = fetcher(testPolicy());

        assertThat(rebinding.fetch(FetchRequest.get(java.net.URI.create("http://preuve-test.example/x"))))
                .isInstanceOfSatisfying(FetchOutcome.Failed.class, b -> assertThat(b.reason())
                        .isEqualTo("host preuve-test.example resolves to the internal address 127.0.0.1 (allow-list the address itself to fetch from it)"));
        assertThat(f.fetch(FetchRequest.get(java.net.URI.create("http://localhost:1/x"))))
                .isInstanceOfSatisfying(FetchOutcome.Failed.class, b -> assertThat(b.reason()).startsWith("host localhost is not in"));
        assertThat(f.fetch(FetchRequest.get(java.net.URI.create("file:///etc/passwd"))))
                .isInstanceOfSatisfying(FetchOutcome.Failed.class, b -> assertThat(b.reason()).startsWith("only http and https"));
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void robotsTxtIsObeyed() {
        server.route("/robots.txt", Reply.text("User-agent: *\nDisallow: /private/\nAllow: /private/open\n"))
                .route("/private/a.pdf", Reply.file(PUBMED1, XML)).route("/private/open", Reply.file(PUBMED1, XML));
        HttpFetcher f = fetcher(testPolicy());

        assertThat(f.fetch(FetchRequest.get(server.uri("/private/a.pdf")))).isInstanceOfSatisfying(FetchOutcome.Failed.class,
                b -> assertThat(b.reason()).isEqualTo("robots.txt of 127.0.0.1 forbids /private/a.pdf (Disallow: /private/)"));
        assertThat(f.fetch(FetchRequest.get(server.uri("/private/open")))).isInstanceOf(FetchOutcome.Fetched.class);
        assertThat(server.requests()).extracting(ReplayServer.Request::path).containsExactly("/robots.txt", "/private/open");
    }

    @Test
    void bodiesOverTheCapAreRefused() {
        byte[] big = new byte[300_000];
        server.route("/declared", Reply.ok(big, "application/pdf"))
                .route("/chunked", Reply.ok(big, "application/pdf").slow(0).header("X", "y"));
        server.route("/streamed", r -> new Reply(200, java.util.Map.of(), big, 1));
        HttpFetcher f = fetcher(FetchPolicy.defaults(Set.of("127.0.0.1")).withRate(1000)
                .withLimits(Duration.ofSeconds(5), 100_000, 1));

        assertThat(f.fetch(FetchRequest.get(server.uri("/declared")))).isInstanceOfSatisfying(FetchOutcome.Failed.class,
                b -> assertThat(b.reason()).isEqualTo("body of 300000 bytes is larger than the 100000-byte cap"));
        assertThat(f.fetch(FetchRequest.get(server.uri("/streamed")))).isInstanceOfSatisfying(FetchOutcome.Failed.class,
                b -> assertThat(b.reason()).isEqualTo("body is larger than the 100000-byte cap"));
    }

    @Test
    void aSlowBodyIsCutAtTheDeadlineAndRetried() {
        // headers at once, then the 9 KB body at 400 ms per KB: the headers come well within the deadline, the body not
        server.route("/slow", Reply.file(PUBMED1, XML).slow(400));
        HttpFetcher f = fetcher(FetchPolicy.defaults(Set.of("127.0.0.1")).withRate(1000)
                .withLimits(Duration.ofMillis(1_200), 10_000_000, 2));

        assertThat(f.fetch(FetchRequest.get(server.uri("/slow")))).isInstanceOfSatisfying(FetchOutcome.Failed.class,
                b -> assertThat(b.reason()).startsWith("body not received within 1 s"));
        assertThat(server.requests("/slow")).hasSize(2);
    }

    @Test
    void requestsToOneHostAreSpacedByTheRateLimit() {
        server.route("/esearch", Reply.file(PUBMED1, XML));
        HttpFetcher f = fetcher(FetchPolicy.defaults(Set.of("127.0.0.1")).withRate(3));

        for (int i = 0; i < 4; i++) {
            f.fetch(FetchRequest.get(server.uri("/esearch?i=" + i)));
        }

        assertThat(scheduler.waits()).as("3 requests per second: each waits for its slot").hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(d -> assertThat(d).isPositive().isLessThanOrEqualTo(Duration.ofMillis(1400)));
    }

    private static byte[] contentOf(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
