package fr.preuve.indexer.source.eutils;

import static fr.preuve.indexer.source.golden.GoldenFiles.documents;
import static fr.preuve.indexer.source.golden.GoldenFiles.failures;
import static fr.preuve.indexer.source.golden.GoldenFiles.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import fr.preuve.indexer.fetch.DownloadCache;
import fr.preuve.indexer.fetch.FetchPolicy;
import fr.preuve.indexer.fetch.HttpFetcher;
import fr.preuve.indexer.fetch.RecordingScheduler;
import fr.preuve.indexer.fetch.ReplayServer;
import fr.preuve.indexer.fetch.ReplayServer.Reply;
import fr.preuve.indexer.fetch.UrlGuard;
import fr.preuve.indexer.source.ReadOutcome;
import fr.preuve.indexer.source.golden.GoldenFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EutilsSourceTest {

    static final Path RES = GoldenFiles.moduleDir().resolve("src/test/resources");
    static final Path ESEARCH = RES.resolve("replay/esearch1.xml");
    /** efetch answers replayed for the 1st, 2nd and 3rd batch of 8 ids. */
    static final List<Path> BATCHES = List.of(RES.resolve("pubmed/pubmed1.xml"), RES.resolve("pubmed/pubmed2.xml"),
            RES.resolve("pubmed/pubmed4.xml"));
    static final String XML = "text/xml; charset=UTF-8";

    @TempDir
    Path tmp;

    final ReplayServer server = new ReplayServer();
    final RecordingScheduler scheduler = new RecordingScheduler();
    List<String> ids;

    @BeforeEach
    void routes() throws Exception {
        ids = Pattern.compile("<Id>(\\d+)</Id>").matcher(Files.readString(ESEARCH)).results().map(m -> m.group(1)).toList();
        server.route("/eutils/esearch.fcgi", Reply.file(ESEARCH, XML));
        server.route("/eutils/efetch.fcgi", r -> Reply.file(BATCHES.get(ids.indexOf(r.param("id").split(",")[0]) / 8), XML));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    EutilsSource source() {
        FetchPolicy policy = FetchPolicy.defaults(Set.of("127.0.0.1")).withRate(1000)
                .withLimits(Duration.ofSeconds(5), 10_000_000, 3).withContact("librarian@example.org");
        DownloadCache cache = new DownloadCache(tmp.resolve("cache"));
        EutilsSource.Query q = new EutilsSource.Query(server.base() + "/eutils/", "biopython", null, null, null, null,
                10_000, 8, "preuve", "librarian@example.org", null);
        return new EutilsSource(q, new HttpFetcher(policy, cache, scheduler, UrlGuard.Resolver.system()), cache::blob);
    }

    @Test
    void searchesThenFetchesEveryBatchWithTheEtiquette() {
        List<ReadOutcome> out = readAll(source());

        assertThat(failures(out)).isEmpty();
        assertThat(documents(out)).extracting(d -> d.id().toString())
                .containsExactly("pubmed:12091962", "pubmed:9997", "pubmed:11748933", "pubmed:11700088", "pubmed:27797938");
        ReplayServer.Request search = server.requests("/eutils/esearch.fcgi").getFirst();
        assertThat(search.param("term")).isEqualTo("biopython");
        assertThat(search.param("usehistory")).isEqualTo("y");
        assertThat(server.requests("/eutils/efetch.fcgi")).extracting(r -> r.param("id").split(",").length)
                .containsExactly(8, 8, 4);
        assertThat(server.requests()).filteredOn(r -> r.path().startsWith("/eutils/")).allSatisfy(r -> {
            assertThat(r.param("tool")).isEqualTo("preuve");
            assertThat(r.param("email")).isEqualTo("librarian@example.org");
            assertThat(r.header("User-Agent")).contains("mailto:librarian@example.org");
        });
    }

    @Test
    void a429IsWaitedOutAsTheServerAsks() {
        server.script("/eutils/efetch.fcgi", Reply.status(429).header("Retry-After", "2"));

        List<ReadOutcome> out = readAll(source());

        assertThat(failures(out)).isEmpty();
        assertThat(documents(out)).hasSize(5);
        assertThat(server.requests("/eutils/efetch.fcgi")).hasSize(4);
        assertThat(scheduler.waits()).anySatisfy(d -> assertThat(d).isBetween(Duration.ofSeconds(2), Duration.ofMillis(2200)));
    }

    @Test
    void aFailedBatchIsReportedAndReadingResumesFromTheLastCursor() {
        server.script("/eutils/efetch.fcgi", Reply.file(BATCHES.getFirst(), XML), Reply.status(503), Reply.status(503),
                Reply.status(503));
        List<ReadOutcome> first = new ArrayList<>();
        List<Map<String, String>> cursors = new ArrayList<>();

        source().read(Map.of(), first::add, cursors::add);

        assertThat(documents(first)).hasSize(2);
        assertThat(failures(first)).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo("efetch retstart=8");
            assertThat(f.reason()).isEqualTo("HTTP 503 Service Unavailable after 3 attempts; the next run resumes at this batch");
        });
        assertThat(cursors).extracting(c -> c.get("retstart")).containsExactly("0", "8");
        Map<String, String> stoppedAt = cursors.getLast();
        server.clearLog();
        List<ReadOutcome> second = new ArrayList<>();

        source().read(stoppedAt, second::add, cursors::add);

        assertThat(failures(second)).isEmpty();
        assertThat(documents(second)).extracting(d -> d.id().toString())
                .containsExactly("pubmed:11748933", "pubmed:11700088", "pubmed:27797938");
        assertThat(server.requests()).filteredOn(r -> r.path().startsWith("/eutils/"))
                .as("no new search, no second download of the first batch")
                .extracting(r -> r.path() + " " + ids.indexOf(r.param("id").split(",")[0]))
                .containsExactly("/eutils/efetch.fcgi 8", "/eutils/efetch.fcgi 16");
        assertThat(cursors.getLast()).as("read to its end").isEmpty();
    }

    @Test
    void aCursorOfAnotherSearchIsIgnored() {
        List<ReadOutcome> out = new ArrayList<>();

        source().read(Map.of("query", "0123456789abcdef", "search", "0".repeat(64), "retstart", "8"), out::add, c -> {
        });

        assertThat(documents(out)).hasSize(5);
        assertThat(server.requests("/eutils/esearch.fcgi")).hasSize(1);
    }

    @Test
    void aSearchThatFailsIsOneFailure() {
        server.route("/eutils/esearch.fcgi", Reply.status(404));

        assertThat(readAll(source())).containsExactly(new ReadOutcome.Failed("esearch", "HTTP 404 Not Found"));
    }

}
