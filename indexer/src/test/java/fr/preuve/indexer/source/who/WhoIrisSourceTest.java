package fr.preuve.indexer.source.who;

import static fr.preuve.indexer.source.golden.GoldenFiles.demo;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WhoIrisSourceTest {

    static final Path PDF = demo("who/who_emro_healthy_diet_WHO-EM-NUT-282-E.pdf");

    @TempDir
    Path tmp;

    final ReplayServer server = new ReplayServer();

    @AfterEach
    void stop() {
        server.close();
    }

    WhoIrisSource source(List<WhoIrisSource.Guideline> guidelines) {
        FetchPolicy policy = FetchPolicy.defaults(Set.of("127.0.0.1")).withRate(1000).withLimits(Duration.ofSeconds(10), 50_000_000, 2);
        return new WhoIrisSource(guidelines, new HttpFetcher(policy, new DownloadCache(tmp.resolve("cache")),
                new RecordingScheduler(), UrlGuard.Resolver.system()));
    }

    @Test
    void downloadsEachPdfOnceAndReadsItWithItsMetadata() {
        server.route("/bitstream/handle/10665/119953/EMROPUB_2019_en_22327.pdf", Reply.file(PDF, "application/pdf"))
                .route("/bitstream/handle/10665/1/moved.pdf", Reply.redirect("http://169.254.169.254/latest/"));
        List<WhoIrisSource.Guideline> guidelines = List.of(
                new WhoIrisSource.Guideline("10665/119953", server.base() + "/bitstream/handle/10665/119953/EMROPUB_2019_en_22327.pdf",
                        "Healthy diet", "2019", null, null),
                new WhoIrisSource.Guideline(null, server.base() + "/bitstream/handle/10665/1/moved.pdf", "Moved", "2020",
                        "978-92-4-000000-0", null),
                new WhoIrisSource.Guideline(null, server.base() + "/bitstream/handle/10665/2/missing.pdf", "Missing", null, null, null));

        List<ReadOutcome> out = readAll(source(guidelines));

        assertThat(documents(out)).singleElement().satisfies(d -> {
            assertThat(d.id().toString()).isEqualTo("who:10665/119953");
            assertThat(d.title()).isEqualTo("Healthy diet");
            assertThat(d.url()).isEqualTo("https://iris.who.int/handle/10665/119953");
            assertThat(d.metadata()).containsEntry("handle", "10665/119953");
            assertThat(d.sections()).hasSizeGreaterThan(10).allSatisfy(s -> assertThat(s.page()).isNotNull());
        });
        assertThat(failures(out)).extracting(f -> f.location().substring(server.base().length()) + " " + f.reason()).containsExactly(
                "/bitstream/handle/10665/1/moved.pdf redirect to http://169.254.169.254/latest/ refused: host 169.254.169.254 is not in this source's allowed hosts [127.0.0.1]",
                "/bitstream/handle/10665/2/missing.pdf HTTP 404 Not Found");

        server.clearLog();
        assertThat(documents(readAll(source(guidelines.subList(0, 1))))).hasSize(1);
        assertThat(server.requests()).as("a second run reads the PDF from the cache").isEmpty();
    }
}
