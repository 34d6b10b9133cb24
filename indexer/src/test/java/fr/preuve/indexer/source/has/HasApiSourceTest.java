package fr.preuve.indexer.source.has;

import static fr.preuve.indexer.source.golden.GoldenFiles.demo;
import static fr.preuve.indexer.source.golden.GoldenFiles.documents;
import static fr.preuve.indexer.source.golden.GoldenFiles.failures;
import static fr.preuve.indexer.source.golden.GoldenFiles.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import fr.preuve.core.doc.Section;
import fr.preuve.core.doc.SourceDocument;
import fr.preuve.indexer.fetch.DownloadCache;
import fr.preuve.indexer.fetch.FetchPolicy;
import fr.preuve.indexer.fetch.HttpFetcher;
import fr.preuve.indexer.fetch.RecordingScheduler;
import fr.preuve.indexer.fetch.ReplayServer;
import fr.preuve.indexer.fetch.ReplayServer.Reply;
import fr.preuve.indexer.fetch.UrlGuard;
import fr.preuve.indexer.source.ReadOutcome;
import fr.preuve.indexer.source.golden.GoldenFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HasApiSourceTest {

    static final Path PAGE = demo("has/has_rest_RecommandationVaccinale_page0.xml");
    static final Path PDF = GoldenFiles.moduleDir().resolve("src/test/resources/replay/has_tdah_2024_annexe1_excerpt.pdf");
    static final String XML = "application/xml; charset=UTF-8";
    static final String FIRST_PDF = "actualisation_des_facteurs_de_risque_de_formes_graves_de_la_covid-19_et_des_reco_sur_la_strategie_de_priorisation_des_popula";

    @TempDir
    Path tmp;

    final ReplayServer server = new ReplayServer();

    @AfterEach
    void stop() {
        server.close();
    }

    static Reply page() {
        return Reply.file(PAGE, XML);
    }

    HasApiSource source(HasApiSource.Listing listing) {
        FetchPolicy policy = FetchPolicy.defaults(Set.of("127.0.0.1")).withRate(1000).withLimits(Duration.ofSeconds(5), 10_000_000, 2);
        return new HasApiSource(listing, new HttpFetcher(policy, new DownloadCache(tmp.resolve("cache")),
                new RecordingScheduler(), UrlGuard.Resolver.system()));
    }

    HasApiSource.Listing byType(boolean pdfs, Integer limit) {
        return new HasApiSource.Listing(server.base() + "/rest/", List.of("RecommandationVaccinale"), null, 2, limit, pdfs, "fr");
    }

    @Test
    void pagesUntilAPageBringsNothingNewAndReadsEachPublication() {
        server.route("/rest/data/RecommandationVaccinale", page());

        List<ReadOutcome> out = readAll(source(byType(false, null)));

        assertThat(failures(out)).isEmpty();
        assertThat(documents(out)).extracting(d -> d.id().toString()).containsExactly("has:p_3240117", "has:p_3240075");
        assertThat(server.requests("/rest/data/RecommandationVaccinale")).extracting(r -> r.param("start") + "/" + r.param("pageSize"))
                .containsExactly("0/2", "2/2");
    }

    @Test
    void attachedPdfsAreReadPageByPageUnderThePublicationAndDownloadedOnce() {
        server.route("/rest/data/RecommandationVaccinale", page());
        // the first attachment is replayed with a real HAS PDF; the second is missing (404)
        server.route("/upload/docs/application/pdf/2021-03/" + FIRST_PDF + ".pdf", Reply.file(PDF, "application/pdf"));

        List<ReadOutcome> out = readAll(source(byType(true, 1)));

        SourceDocument publication = documents(out).getFirst();
        assertThat(publication.id().toString()).isEqualTo("has:p_3240117");
        List<SourceDocument> pdfs = documents(out).subList(1, documents(out).size());
        assertThat(pdfs).singleElement().satisfies(d -> {
            assertThat(d.id().toString()).isEqualTo("has:p_3240117/" + FIRST_PDF);
            assertThat(d.title()).isEqualTo(publication.title());
            assertThat(d.date()).isEqualTo("2021-03-02");
            assertThat(d.url()).isEqualTo("https://www.has-sante.fr/jcms/p_3240117");
            assertThat(d.metadata()).containsEntry("type", "RecommandationVaccinale").containsEntry("publication", "has:p_3240117");
            assertThat(d.sections()).extracting(Section::page).containsExactly(1, 2);
            assertThat(d.text()).contains("enseignant");
        });
        assertThat(failures(out)).singleElement().satisfies(f -> {
            assertThat(f.location()).startsWith(server.base() + "/upload/docs/application/pdf/2021-03/annexes__").endsWith(".pdf");
            assertThat(f.reason()).isEqualTo("HTTP 404 Not Found");
        });

        server.clearLog();
        readAll(source(byType(true, 1)));
        assertThat(server.requests()).extracting(ReplayServer.Request::path).as("the PDF found in the cache")
                .noneMatch(p -> p.endsWith(FIRST_PDF + ".pdf"));
    }

    @Test
    void searchSendsTheDeclaredFilters() {
        server.route("/rest/search", page());

        List<ReadOutcome> out = readAll(source(new HasApiSource.Listing(server.base() + "/rest/", null,
                Map.of("text", List.of("diabète gestationnel"), "types", List.of("RecommandationsProfessionnelles", "GuideMedecinALD"),
                        "dateType", List.of("pdate"), "beginDateStr", List.of("01/01/2020")), 2, 2, false, "fr")));

        assertThat(documents(out)).hasSize(2);
        ReplayServer.Request r = server.requests("/rest/search").getFirst();
        assertThat(r.query()).contains("types=RecommandationsProfessionnelles&types=GuideMedecinALD");
        assertThat(r.param("text")).isEqualTo("diabète gestationnel");
        assertThat(r.param("beginDateStr")).isEqualTo("01/01/2020");
        assertThat(server.requests("/rest/search")).as("limit 2 reached on the first page").hasSize(1);
    }

    @Test
    void aFailedPageIsReportedWithItsUrl() {
        server.route("/rest/data/RecommandationVaccinale", Reply.status(500));

        assertThat(failures(readAll(source(byType(false, null))))).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo(server.base() + "/rest/data/RecommandationVaccinale?start=0&pageSize=2");
            assertThat(f.reason()).isEqualTo("HTTP 500 Internal Server Error after 2 attempts");
        });
    }

    @Test
    void aFailedListingStopsTheSourceAndTheNextRunResumesFromItsCursor() {
        // the recorded page of RecommandationVaccinale also stands in for the second type's answer
        server.route("/rest/data/RecommandationVaccinale", page());
        server.script("/rest/data/RecommandationsProfessionnelles", Reply.status(503), Reply.status(503), page(), page());
        HasApiSource.Listing twoTypes = new HasApiSource.Listing(server.base() + "/rest/",
                List.of("RecommandationVaccinale", "RecommandationsProfessionnelles"), null, 2, null, false, "fr");
        List<ReadOutcome> first = new java.util.ArrayList<>();
        List<Map<String, String>> cursors = new java.util.ArrayList<>();

        source(twoTypes).read(Map.of(), first::add, cursors::add);

        assertThat(documents(first)).extracting(d -> d.id().toString()).containsExactly("has:p_3240117", "has:p_3240075");
        assertThat(failures(first)).singleElement().satisfies(f -> assertThat(f.location())
                .isEqualTo(server.base() + "/rest/data/RecommandationsProfessionnelles?start=0&pageSize=2"));
        assertThat(cursors).extracting(c -> c.get("endpoint") + "@" + c.get("start") + "/" + c.get("taken"))
                .containsExactly("0@2/2", "1@0/0");
        server.clearLog();
        List<ReadOutcome> second = new java.util.ArrayList<>();

        source(twoTypes).read(cursors.getLast(), second::add, cursors::add);

        assertThat(failures(second)).isEmpty();
        assertThat(server.requests()).filteredOn(r -> r.path().startsWith("/rest/"))
                .as("the listing read in full is not asked again")
                .extracting(r -> r.path() + "?start=" + r.param("start"))
                .containsExactly("/rest/data/RecommandationsProfessionnelles?start=0",
                        "/rest/data/RecommandationsProfessionnelles?start=2");
        assertThat(documents(second)).hasSize(2);
        assertThat(cursors.getLast()).as("read to its end").isEmpty();
    }

    @Test
    void aCursorOfAnotherListingIsIgnored() {
        server.route("/rest/data/RecommandationVaccinale", page());
        Map<String, String> foreign = Map.of("key", "0123456789abcdef", "endpoint", "0", "start", "40", "taken", "40");

        List<ReadOutcome> out = new java.util.ArrayList<>();
        source(byType(false, null)).read(foreign, out::add, c -> { });

        assertThat(documents(out)).hasSize(2);
        assertThat(server.requests("/rest/data/RecommandationVaccinale")).extracting(r -> r.param("start"))
                .containsExactly("0", "2");
    }
}
