package fr.preuve.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.preuve.app.RunningServer;
import fr.preuve.core.config.AnswerSettings;
import fr.preuve.core.config.Defaults;
import fr.preuve.core.config.LlmSettings;
import fr.preuve.core.config.PreuveConfig;
import fr.preuve.core.config.SearchSettings;
import fr.preuve.core.testing.TestEmbedders;
import fr.preuve.indexer.config.CorpusConfig;
import fr.preuve.indexer.pipeline.IndexProgress;
import fr.preuve.indexer.pipeline.IndexReport;
import fr.preuve.indexer.pipeline.IndexState;
import fr.preuve.indexer.pipeline.ProgressListener;
import fr.preuve.app.runtime.PreuveRuntime;
import fr.preuve.server.http.ApiServer;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The librarian page in real headless Chromium, against one real server whose corpus declaration changes under it:
 * version 1 is the smoke corpus (WHO leaflet, two HAS recommendations); version 2 drops the HAS source, gives the
 * leaflet a new URL (changed) and adds two pages of the WHO schistosomiasis guideline (added); version 3, indexed while
 * the page is open, adds 18 real PubMedQA abstracts and a truncated copy of the WHO leaflet, which fails to read. The
 * third run is held at each embedding step by a latch in the runtime's progress listener, so the page's progress is
 * checked at known points. Every figure on the page is compared with what the API returns.
 */
@Tag("browser")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LibrarianPageBrowserTest {
    static final Path DEMO = Path.of("").toAbsolutePath().getParent().resolve("corpus-config/demo");
    static final Path LEAFLET = DEMO.resolve("who/who_emro_healthy_diet_WHO-EM-NUT-282-E.pdf");
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final int ABSTRACTS = 18;

    @TempDir
    static Path tmp;
    static Path corpusDir;
    static final Gate gate = new Gate();
    static PreuveRuntime runtime;
    static ApiServer server;
    static String base;
    static ChromeDriver driver;
    static WebDriverWait wait;
    static String v1;
    static String v2;

    @BeforeAll
    static void start() throws Exception {
        corpusDir = Files.createDirectories(tmp.resolve("corpus"));
        CorpusConfig first = declare(version1());
        PreuveConfig config = new PreuveConfig(tmp.resolve("home"), "127.0.0.1", 0, first.file(), SearchSettings.defaults(),
                AnswerSettings.defaults(), LlmSettings.none());
        runtime = PreuveRuntime.writable(config, first, gate, TestEmbedders.factory());
        v1 = runtime.startIndexing(false).get().corpusVersion();
        v2 = runtime.startIndexing(declare(version2()), false).get().corpusVersion();
        assertThat(v2).isNotEqualTo(v1);
        server = RunningServer.apiServer(runtime);
        base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
        driver = Browser.start(tmp.resolve("chromium-profile"), Files.createDirectories(tmp.resolve("downloads")));
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class); // the page re-renders while it polls the server
    }

    @AfterAll
    static void stop() throws Exception {
        gate.open();
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    // ---------------------------------------------------------------- the three declarations

    static final String HEADER = "name: lib\ndescription: librarian page test corpus\nsources:\n";

    static String leaflet(String url) {
        return String.join("\n",
                "  - type: who-pdf",
                "    name: who-healthy-diet",
                "    path: " + LEAFLET,
                "    id: WHO-EM-NUT-282-E",
                "    title: Healthy diet (WHO Regional Office for the Eastern Mediterranean)",
                "    date: \"2019\"",
                "    url: " + url,
                "    licence: CC BY-NC-SA 3.0 IGO",
                "");
    }

    static String version1() {
        return HEADER + leaflet("https://iris.who.int/discover?query=WHO-EM%2FNUT%2F282%2FE") + String.join("\n",
                "  - type: has-api-xml",
                "    name: has-recommandations-vaccinales",
                "    path: " + DEMO.resolve("has/has_rest_RecommandationVaccinale_page0.xml"),
                "    licence: HAS reuse terms (cite HAS, title, date and URL)",
                "");
    }

    /** No HAS source (2 removed), the leaflet at a new URL (changed), two pages of another guideline (added). */
    static String version2() {
        return HEADER + leaflet("https://iris.who.int/handle/10665/330209") + String.join("\n",
                "  - type: who-pdf",
                "    name: who-schistosomiasis",
                "    path: " + DEMO.resolve("who/who_schistosomiasis_guideline_2022.pdf"),
                "    id: \"9789240041608\"",
                "    title: WHO guideline on control and elimination of human schistosomiasis",
                "    date: \"2022\"",
                "    url: https://iris.who.int/discover?query=9789240041608",
                "    firstPage: 10",
                "    lastPage: 11",
                "    licence: CC BY-NC-SA 3.0 IGO",
                "");
    }

    /** Version 2 plus real PubMedQA abstracts and the leaflet cut short after 4 KB, which cannot be read. */
    static String version3() throws Exception {
        Path truncated = corpusDir.resolve("who-leaflet-truncated.pdf");
        try (InputStream in = Files.newInputStream(LEAFLET)) {
            Files.write(truncated, in.readNBytes(4096));
        }
        ObjectNode all = (ObjectNode) JSON.readTree(DEMO.resolve("pubmedqa/ori_pqal.json").toFile());
        ObjectNode subset = JSON.createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> it = all.properties().iterator();
        for (int i = 0; i < ABSTRACTS && it.hasNext(); i++) {
            Map.Entry<String, JsonNode> e = it.next();
            subset.set(e.getKey(), e.getValue());
        }
        Path abstracts = corpusDir.resolve("pubmedqa-first-" + ABSTRACTS + ".json");
        JSON.writeValue(abstracts.toFile(), subset);
        return version2() + String.join("\n",
                "  - type: pubmedqa",
                "    name: pubmedqa-sample",
                "    path: " + abstracts,
                "    licence: PubMedQA MIT; abstracts courtesy of the U.S. National Library of Medicine",
                "  - type: who-pdf",
                "    name: who-truncated",
                "    path: " + truncated,
                "    id: TRUNCATED-COPY",
                "    title: Healthy diet, a copy cut short",
                "    date: \"2019\"",
                "    licence: CC BY-NC-SA 3.0 IGO",
                "");
    }

    static CorpusConfig declare(String yaml) throws Exception {
        Path file = corpusDir.resolve("lib.yaml");
        Files.writeString(file, yaml);
        return CorpusConfig.load(file);
    }

    // ---------------------------------------------------------------- the scenario

    @Test
    @Order(1)
    void sourcesLastRunVersionsAndDiffMatchTheApi() throws Exception {
        open("/librarian");
        JsonNode corpus = api("/api/corpus");
        assertSourcesTable(corpus);
        assertThat(corpus.get("sources")).extracting(s -> s.get("name").asText())
                .containsExactly("who-healthy-diet", "who-schistosomiasis");
        assertLastRun(corpus.get("lastRun"));
        Browser.screenshot(driver, "librarian-fr-1366x900");
        assertThat(byId("last-run").getText()).contains("1 ajoutés, 1 modifiés, 0 inchangés, 2 retirés");

        assertThat(versionRows()).containsExactly(v2, v1);
        assertThat(((JavascriptExecutor) driver).executeScript(
                "return document.querySelector('#versions-table tr[aria-current=true]').dataset.version;")).isEqualTo(v2);

        new Select(byId("diff-from")).selectByValue(v1);
        new Select(byId("diff-to")).selectByValue(v2);
        WebElement compare = byId("diff-compare");
        js("arguments[0].focus()", compare);
        compare.sendKeys(Keys.ENTER);
        JsonNode diff = api("/api/corpus/diff?from=" + v1 + "&to=" + v2);
        assertThat(texts(diff.get("added"))).containsExactly("who:9789240041608");
        assertThat(texts(diff.get("changed"))).containsExactly("who:WHO-EM-NUT-282-E");
        assertThat(texts(diff.get("removed"))).containsExactly("has:p_3240075", "has:p_3240117");
        wait.until(d -> !d.findElements(By.cssSelector("#diff-removed li")).isEmpty());
        for (String kind : List.of("added", "changed", "removed")) {
            assertThat(driver.findElements(By.cssSelector("#diff-" + kind + " li"))).extracting(WebElement::getText)
                    .as(kind).containsExactlyElementsOf(texts(diff.get(kind)));
        }
        assertThat(byId("diff").getText()).contains("Ajoutés (1)").contains("Modifiés (1)").contains("Retirés (2)");
        Browser.screenshot(driver, "librarian-versions-diff-fr-1366x900");
        js("document.getElementById('versions-title').scrollIntoView()");
        Browser.screenshot(driver, "librarian-versions-diff-fr-1366x900-scrolled");

        byId("ui-lang").click();
        wait.until(d -> byId("diff").getText().contains("Added (1)"));
        assertThat(byId("sources-title").getText()).isEqualTo("Declared sources");
        assertThat(byId("last-run").getText()).contains("1 added, 1 changed, 0 unchanged, 2 removed");
        assertThat(new Select(byId("diff-from")).getFirstSelectedOption().getText()).isEqualTo(v1);
        Browser.size(driver, 820, 1180);
        Browser.screenshot(driver, "librarian-en-820x1180");
        js("document.getElementById('versions-title').scrollIntoView()");
        Browser.screenshot(driver, "librarian-en-versions-diff-820x1180");
    }

    @Test
    @Order(2)
    void aRunInFlightShowsItsProgressThenTheNewVersionWithoutReload() throws Exception {
        gate.arm();
        Future<IndexReport> run = runtime.startIndexing(declare(version3()), false);
        IndexProgress first = gate.next();
        assertThat(first.passagesTotal()).isGreaterThan(64);

        open("/librarian");
        awaitProgress(first);
        assertThat(byId("indexing").getText()).contains("Calcul des vecteurs")
                .contains("0 / " + first.passagesTotal() + " passages");
        assertThat(byId("counts").getText()).contains("indexation en cours");
        assertThat(driver.findElement(By.cssSelector("#indexing progress")).getDomProperty("value")).isEqualTo("0");

        gate.step();
        IndexProgress second = gate.next();
        assertThat(second.passagesDone()).isPositive();
        awaitProgress(second);
        assertThat(byId("indexing").getText()).contains(second.passagesDone() + " / " + second.passagesTotal() + " passages");
        assertThat(byId("indexing").getText()).doesNotContain("1970");
        Browser.screenshot(driver, "librarian-progress-fr-1366x900");

        gate.open();
        IndexReport report = run.get(60, TimeUnit.SECONDS);
        assertThat(report.failures()).isNotEmpty();
        wait.until(d -> !versionRows().isEmpty() && versionRows().getFirst().equals(report.corpusVersion()));
        assertThat(versionRows()).containsExactly(report.corpusVersion(), v2, v1);
        wait.until(d -> byId("indexing").getText().contains("terminée"));
        assertThat(byId("indexing").getText()).contains(report.corpusVersion());

        JsonNode corpus = api("/api/corpus");
        assertSourcesTable(corpus);
        assertLastRun(corpus.get("lastRun"));
        JsonNode truncated = source(corpus, "who-truncated");
        assertThat(truncated.get("documents").asInt()).isZero();
        assertThat(truncated.get("failures")).isNotEmpty();
        assertThat(source(corpus, "pubmedqa-sample").get("documents").asInt()).isEqualTo(ABSTRACTS);
        js("document.getElementById('last-run-title').scrollIntoView()");
        Browser.screenshot(driver, "librarian-failures-fr-1366x900");
        Browser.size(driver, 820, 1180);
        js("document.getElementById('sources-title').scrollIntoView()");
        Browser.screenshot(driver, "librarian-failures-fr-820x1180");
    }

    @Test
    @Order(3)
    void theLibrarianStartsARunFromThePage() throws Exception {
        String before = api("/api/status").get("indexing").path("startedAt").asText();
        open("/librarian");
        wait.until(d -> byId("run-start").isEnabled());
        byId("run-start").click();
        wait.until(d -> byId("run-status").getText().contains("Indexation lancée"));
        wait.until(d -> !api0("/api/status").get("indexing").path("startedAt").asText().equals(before));
        wait.until(d -> "done".equals(api0("/api/status").get("indexing").get("state").asText()));
        wait.until(d -> byId("indexing").getText().contains("terminée") && byId("run-start").isEnabled());
    }

    @Test
    @Order(4)
    void theLibrarianStopsARunAndTheNextOneResumes() throws Exception {
        ObjectNode all = (ObjectNode) JSON.readTree(DEMO.resolve("pubmedqa/ori_pqal.json").toFile());
        ObjectNode more = JSON.createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> it = all.properties().iterator();
        for (int i = 0; i < ABSTRACTS + 60 && it.hasNext(); i++) {
            Map.Entry<String, JsonNode> e = it.next();
            if (i >= ABSTRACTS) {
                more.set(e.getKey(), e.getValue());
            }
        }
        Path abstracts = corpusDir.resolve("pubmedqa-next-60.json");
        JSON.writeValue(abstracts.toFile(), more);
        declare(version3() + String.join("\n", "  - type: pubmedqa", "    name: pubmedqa-more", "    path: " + abstracts,
                "    licence: PubMedQA MIT; abstracts courtesy of the U.S. National Library of Medicine", ""));
        int before = api("/api/status").get("counts").get("passages").asInt();

        gate.arm();
        open("/librarian");
        wait.until(d -> byId("run-start").isEnabled());
        byId("run-start").click(); // the page's run reads the new declaration
        IndexProgress first = gate.next();
        assertThat(first.passagesTotal()).isGreaterThan(2 * Defaults.EMBED_BATCH);
        wait.until(d -> byId("run-cancel").isDisplayed());
        byId("run-cancel").click();
        wait.until(d -> byId("run-status").getText().contains("Pause demandée"));
        gate.open();
        wait.until(d -> "cancelled".equals(api0("/api/status").get("indexing").get("state").asText()));
        wait.until(d -> byId("indexing").getText().contains("Indexation en pause"));
        assertThat(byId("run-start").getText()).as("a stopped run is paused").isEqualTo("Reprendre l'indexation");
        assertThat(byId("run-cancel").isDisplayed()).isFalse();
        int stopped = api("/api/status").get("counts").get("passages").asInt();
        assertThat(stopped).as("the run stopped before the end").isLessThan(before + first.passagesTotal());

        byId("run-start").click();
        wait.until(d -> "done".equals(api0("/api/status").get("indexing").get("state").asText()));
        JsonNode more60 = source(api("/api/corpus"), "pubmedqa-more");
        assertThat(more60.get("documents").asInt()).as("the next run resumed and finished").isEqualTo(60);
        wait.until(d -> byId("indexing").getText().contains("terminée"));
        assertThat(byId("run-start").getText()).isEqualTo("Lancer une indexation");
    }

    /** {@link #api} for use inside a wait. */
    static JsonNode api0(String path) {
        try {
            return api(path);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- assertions

    /** Each declared source is a row with its name, type, licence, documents and passages as the API says. */
    static void assertSourcesTable(JsonNode corpus) {
        wait.until(d -> d.findElements(By.cssSelector("#sources-table tbody tr")).size() == corpus.get("sources").size());
        for (JsonNode s : corpus.get("sources")) {
            WebElement row = wait.until(d -> d.findElement(By.cssSelector("#sources-table tr[data-source='"
                    + s.get("name").asText() + "']")));
            List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
            assertThat(cells.subList(0, 5)).containsExactly(s.get("name").asText(), s.get("type").asText(),
                    s.get("licence").asText(), s.get("documents").asText(), s.get("passages").asText());
            assertThat(cells.get(5)).isEqualTo(s.get("failures").isEmpty() ? "aucun" : s.get("failures").size() + " échec(s)");
        }
    }

    /** The last run's version and every failure with its source, location and reason, as the API says. */
    static void assertLastRun(JsonNode run) {
        wait.until(d -> byId("last-run").getText().contains(run.get("version").asText()));
        List<List<String>> expected = new ArrayList<>();
        for (JsonNode f : run.get("failed")) {
            expected.add(List.of(f.get("source").asText(), f.get("location").asText(), f.get("reason").asText()));
        }
        List<List<String>> shown = driver.findElements(By.cssSelector("#failures-table tbody tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
        assertThat(shown).isEqualTo(expected);
    }

    static JsonNode source(JsonNode corpus, String name) {
        for (JsonNode s : corpus.get("sources")) {
            if (s.get("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no source " + name + " in " + corpus);
    }

    static void awaitProgress(IndexProgress p) {
        wait.until(d -> "embedding".equals(byId("indexing").getDomAttribute("data-state"))
                && String.valueOf(p.passagesDone()).equals(byId("indexing").getDomAttribute("data-done"))
                && String.valueOf(p.passagesTotal()).equals(byId("indexing").getDomAttribute("data-total")));
    }

    // ---------------------------------------------------------------- helpers

    /** The versions listed, read in one script so that a re-render between rows cannot interleave. */
    @SuppressWarnings("unchecked")
    static List<String> versionRows() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return [...document.querySelectorAll('#versions-table tbody tr')].map(tr => tr.dataset.version);");
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static JsonNode api(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static void open(String path) {
        driver.get(base + "/about");
        js("localStorage.clear()");
        Browser.size(driver, 1366, 900);
        driver.get(base + path);
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    static WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    /**
     * The runtime's progress listener, as a latch: once armed, the indexing thread stops at every embedding snapshot
     * (already published to the status endpoint) until the test lets it go one step further, or opens the gate.
     */
    static final class Gate implements ProgressListener {
        private final BlockingQueue<IndexProgress> reached = new LinkedBlockingQueue<>();
        private final Semaphore go = new Semaphore(0);
        private volatile boolean armed;

        @Override
        public void onProgress(IndexProgress progress) {
            if (armed && progress.state() == IndexState.EMBEDDING) {
                reached.add(progress);
                try {
                    go.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** Holds the next snapshots: forgets those of an earlier run and the permits an earlier open left. */
        void arm() {
            reached.clear();
            go.drainPermits();
            armed = true;
        }

        /** The next snapshot the indexing thread stopped at. */
        IndexProgress next() throws InterruptedException {
            IndexProgress p = reached.poll(60, TimeUnit.SECONDS);
            assertThat(p).as("the run reached an embedding step").isNotNull();
            return p;
        }

        void step() {
            go.release();
        }

        void open() {
            armed = false;
            go.drainPermits();
            go.release(Integer.MAX_VALUE / 2); // again after an earlier open: at most this many permits
        }
    }
}
