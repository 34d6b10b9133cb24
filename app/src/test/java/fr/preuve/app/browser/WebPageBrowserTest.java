package fr.preuve.app.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preuve.app.RunningServer;
import fr.preuve.core.config.AnswerSettings;
import fr.preuve.core.config.LlmSettings;
import fr.preuve.core.config.PreuveConfig;
import fr.preuve.core.testing.TestEmbedders;
import fr.preuve.core.config.SearchSettings;
import fr.preuve.indexer.config.CorpusConfig;
import fr.preuve.indexer.pipeline.ProgressListener;
import fr.preuve.core.audit.Feedback;
import fr.preuve.core.audit.Rating;
import fr.preuve.core.audit.TimeRange;
import fr.preuve.app.runtime.PreuveRuntime;
import fr.preuve.server.http.ApiServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web pages in real headless Chromium against the real server over a small real corpus: the WHO healthy-diet
 * leaflet, the two HAS COVID-19 vaccination recommendations, and two modified copies carrying XSS payloads.
 * Screenshots go to target/screenshots.
 */
@Tag("browser")
class WebPageBrowserTest {
    static final Path DEMO = Path.of("").toAbsolutePath().getParent().resolve("corpus-config/demo");
    static final String HAS_QUESTION = "Quelles personnes sont prioritaires pour la vaccination contre la Covid-19 ?";
    /** A word found only in the modified copies, so that search ranks them first. */
    static final String XSS_WORD = "Zyxquorvaccin";
    static final String IMG_PAYLOAD = "<img src=x onerror=\"window.__xss='title'\">";
    static final String SCRIPT_PAYLOAD = "<script>window.__xss='script'</script>";
    static final String TEXT_PAYLOAD = "<img src=x onerror=\"window.__xss='text'\">";

    @TempDir
    static Path tmp;
    static PreuveRuntime runtime;
    static ApiServer server;
    static String base;
    static ChromeDriver driver;
    static WebDriverWait wait;
    static Path downloads;

    @BeforeAll
    static void start() throws Exception {
        CorpusConfig corpus = CorpusConfig.load(corpusWithPayloads(tmp.resolve("corpus")));
        PreuveConfig config = new PreuveConfig(tmp.resolve("home"), "127.0.0.1", 0, corpus.file(), SearchSettings.defaults(),
                AnswerSettings.defaults(), LlmSettings.none());
        runtime = PreuveRuntime.writable(config, corpus, ProgressListener.NONE, TestEmbedders.factory());
        runtime.startIndexing(false).get();
        server = RunningServer.apiServer(runtime);
        base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
        downloads = Files.createDirectories(tmp.resolve("downloads"));
        driver = Browser.start(tmp.resolve("chromium-profile"), downloads);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class); // the page re-renders while it polls the server
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        server.close();
        runtime.close();
    }

    @BeforeEach
    void frenchAndLaptopSize() {
        driver.get(base + "/about");
        js("localStorage.clear()");
        Browser.size(driver, 1366, 900);
    }

    /**
     * The smoke corpus plus two MODIFIED copies of real documents carrying payloads: a copy of the first HAS
     * recommendation (new id has:p_9990001) with script and img tags in its title and text, and pages 3-4 of the WHO
     * leaflet declared with a payload title and a javascript: URL.
     */
    static Path corpusWithPayloads(Path dir) throws Exception {
        Files.createDirectories(dir);
        Path hasXml = DEMO.resolve("has/has_rest_RecommandationVaccinale_page0.xml");
        String xml = Files.readString(hasXml);
        Matcher first = Pattern.compile("(?s)<data .*?</data>").matcher(xml);
        assertThat(first.find()).isTrue();
        String data = first.group()
                .replace("id='p_3240117'", "id='p_9990001'")
                .replaceFirst("<field name='title'>", "<field name='title'>" + escapeXml(IMG_PAYLOAD + SCRIPT_PAYLOAD) + " " + XSS_WORD + " ")
                .replaceFirst("(<field name='resume' [^>]*>&lt;div class=&quot;wysiwyg&quot;&gt;&lt;p&gt;)",
                        "$1" + escapeXml(escapeXml(TEXT_PAYLOAD + SCRIPT_PAYLOAD)) + " " + XSS_WORD + " ");
        Path copy = dir.resolve("has-xss-modified-copy.xml");
        Files.writeString(copy, "<?xml version='1.0' encoding='UTF-8' ?>\n<!-- MODIFIED COPY for the XSS test: payloads "
                + "injected into a real HAS API answer -->\n<dataset>" + data + "</dataset>\n");
        Path pdf = DEMO.resolve("who/who_emro_healthy_diet_WHO-EM-NUT-282-E.pdf");
        Path yaml = dir.resolve("web.yaml");
        Files.writeString(yaml, String.join("\n",
                "name: web",
                "description: smoke corpus plus modified copies with XSS payloads (browser tests)",
                "sources:",
                "  - type: who-pdf",
                "    name: who-healthy-diet",
                "    path: " + pdf,
                "    id: WHO-EM-NUT-282-E",
                "    title: Healthy diet (WHO Regional Office for the Eastern Mediterranean)",
                "    date: \"2019\"",
                "    url: https://iris.who.int/discover?query=WHO-EM%2FNUT%2F282%2FE",
                "  - type: has-api-xml",
                "    name: has-recommandations-vaccinales",
                "    path: " + hasXml,
                "  - type: has-api-xml",
                "    name: has-xss-copy",
                "    path: " + copy,
                "  - type: who-pdf",
                "    name: who-xss-copy",
                "    path: " + pdf,
                "    id: XSS-COPY",
                "    title: " + yamlString(IMG_PAYLOAD + " " + XSS_WORD + " diet copy"),
                "    date: \"2019\"",
                "    url: " + yamlString("javascript:window.__xss='url'"),
                "    firstPage: 3",
                "    lastPage: 4",
                ""));
        return yaml;
    }

    static String yamlString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String escapeXml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // ---------------------------------------------------------------- helpers

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    static WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    static WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    static String readString(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * Opens a shared link afresh: {@code "?q=...&source=has"} becomes the page's fragment ({@code /#q=...}), where
     * the page keeps questions so that they never reach a server's logs.
     */
    static void open(String query) {
        driver.get(base + "/about");
        driver.get(base + "/" + (query.startsWith("?") ? "#" + query.substring(1) : query));
    }

    /** Waits for a finished answer (sentences or an abstention) and returns the answer section. */
    static WebElement answered() {
        wait.until(d -> js("return document.getElementById('answer').hidden === false "
                + "&& !document.getElementById('answer').hasAttribute('aria-busy')").equals(Boolean.TRUE));
        return byId("answer");
    }

    static void ask(String question) {
        WebElement q = byId("question");
        q.clear();
        q.sendKeys(question);
        byId("ask").click();
    }

    // ---------------------------------------------------------------- clinician page

    @Test
    void askClickACitationAndSeeTheSupportingSpanHighlighted() {
        open("?q=" + enc(HAS_QUESTION) + "&source=has");
        answered();
        List<WebElement> sentences = driver.findElements(By.cssSelector("#sentences li"));
        assertThat(sentences).hasSizeBetween(3, 6);
        assertThat(byId("transparency").getText()).contains("extractif").contains("rien n'a quitté la machine")
                .contains("web-").containsPattern("Empreinte\\s+[0-9]+ ms de CPU · 0 jetons de modèle · ≈ [0-9,]+ mWh");
        assertThat(byId("notice").getText()).isNotBlank();

        WebElement first = sentences.get(0);
        String claim = first.findElement(By.className("stext")).getText();
        first.findElement(By.className("chip")).click();
        WebElement panel = visible("#panel");
        assertThat(panel.findElement(By.cssSelector(".badge")).getText()).isEqualTo("HAS");
        assertThat(panel.findElement(By.cssSelector("mark.current")).getText()).isEqualTo(claim);
        assertThat(panel.getText()).contains("2021").contains("Stratégie de vaccination");
        WebElement link = panel.findElement(By.cssSelector("a.original"));
        assertThat(link.getAttribute("href")).startsWith("https://www.has-sante.fr/jcms/p_");
        assertThat(link.getText()).isEqualTo("Voir l'original (HAS)");
        assertThat(first.findElement(By.className("chip")).getAttribute("aria-pressed")).isEqualTo("true");
        Browser.screenshot(driver, "answer-with-passage-1366x900");

        Browser.size(driver, 820, 1180);
        sentences.get(1).findElement(By.className("chip")).click();
        assertThat(visible("#panel mark.current").getText())
                .isEqualTo(sentences.get(1).findElement(By.className("stext")).getText());
        Browser.screenshot(driver, "answer-with-passage-820x1180");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ENTER", "SPACE"})
    void citationChipsOpenFromTheKeyboard(String key) {
        open("?q=" + enc(HAS_QUESTION) + "&source=has");
        answered();
        WebElement chip = driver.findElements(By.cssSelector("#sentences .chip")).get(1);
        js("arguments[0].focus()", chip);
        chip.sendKeys(Keys.valueOf(key));
        assertThat(visible("#panel mark.current").getText()).isNotBlank();
        assertThat(js("return document.activeElement.id")).isEqualTo("panel");
        driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        wait.until(d -> !byId("panel").isDisplayed());
        assertThat(js("return document.activeElement === arguments[0]", chip)).isEqualTo(true);
    }

    @Test
    void filtersApplyGoIntoTheUrlAndComeBackWithHistory() {
        open("?q=" + enc(HAS_QUESTION) + "&source=has");
        answered();
        String firstUrl = driver.getCurrentUrl();

        new Select(byId("source")).selectByValue("who");
        new Select(byId("type")).selectByValue("guideline");
        new Select(byId("lang")).selectByValue("en");
        byId("from").sendKeys("2015");
        ask("How much salt should adults eat per day?");
        wait.until(d -> d.getCurrentUrl().contains("source=who"));
        answered();
        assertThat(driver.getCurrentUrl()).contains("type=guideline").contains("lang=en").contains("from=2015")
                .contains("q=How+much+salt");
        List<WebElement> badges = driver.findElements(By.cssSelector("#passages .badge"));
        assertThat(badges).isNotEmpty().allSatisfy(b -> assertThat(b.getText()).isEqualTo("OMS / WHO"));
        assertThat(byId("sentences").getText()).containsIgnoringCase("salt");

        driver.navigate().back();
        wait.until(d -> d.getCurrentUrl().equals(firstUrl));
        wait.until(d -> byId("question").getAttribute("value").equals(HAS_QUESTION));
        assertThat(new Select(byId("source")).getFirstSelectedOption().getAttribute("value")).isEqualTo("has");
        assertThat(byId("from").getAttribute("value")).isEmpty();
        answered();
        assertThat(driver.findElements(By.cssSelector("#passages .badge"))).allSatisfy(b -> assertThat(b.getText()).isEqualTo("HAS"));

        open("?q=" + enc("salt") + "&source=who&from=2015&to=2024&lang=en&type=guideline&view=search");
        visible("#passages li");
        assertThat(new Select(byId("type")).getFirstSelectedOption().getAttribute("value")).isEqualTo("guideline");
        assertThat(byId("to").getAttribute("value")).isEqualTo("2024");
        assertThat(byId("answer").isDisplayed()).isFalse();

        open("?q=" + enc("salt") + "&type=rct&view=search");
        assertThat(visible("#passages li.empty").getText()).isEqualTo("Aucun passage ne correspond à ces filtres.");
    }

    @Test
    void plainSearchViewShowsPassagesOnly() {
        open("");
        byId("question").sendKeys("reduce salt intake");
        byId("search").click();
        visible("#passages li");
        assertThat(driver.getCurrentUrl()).contains("view=search");
        assertThat(byId("answer").isDisplayed()).isFalse();
        assertThat(byId("sources-title").getText()).contains("passages (hybrid)");
        assertThat(driver.findElements(By.cssSelector("#passages li"))).hasSizeGreaterThan(3);
        Browser.screenshot(driver, "search-1366x900");
    }

    @Test
    void exportGivesNumberedVancouverReferences() {
        open("?q=" + enc("How much salt should adults eat per day?") + "&source=who");
        answered();
        wait.until(d -> "true".equals(byId("download-refs").getDomAttribute("data-ready")));
        byId("export").findElement(By.tagName("summary")).click();
        String text = byId("export-text").getText();
        assertThat(text).startsWith("Question : How much salt should adults eat per day?")
                .contains("Références\n1. World Health Organization. Healthy diet (WHO Regional Office for the Eastern Mediterranean). 2019. p. ")
                .contains("Disponible : https://iris.who.int/discover?query=WHO-EM%2FNUT%2F282%2FE [consulté le ")
                .contains("[1]");
        int cited = driver.findElements(By.cssSelector("#passages > li")).size();
        assertThat(text).contains(cited + ". World Health Organization.");
        assertThat(byId("download-refs").getAttribute("download")).isEqualTo("preuve-references.txt");
        Path file = downloads.resolve("preuve-references.txt");
        byId("download-refs").click();
        wait.until(d -> Files.isRegularFile(file) && sizeOf(file) > 0);
        assertThat(readString(file).trim()).isEqualTo(text.trim());
        byId("copy-refs").click();
        wait.until(d -> !byId("export-status").getText().isEmpty());
    }

    @Test
    void identifyingDataGetsAWarningBeforeSending() {
        open("");
        ask("Mme Durand, née le 12/03/1958 : quelle cible d'HbA1c chez le diabétique âgé ?");
        WebElement guard = visible("#guard");
        assertThat(guard.getText()).contains("données identifiantes").contains("nom").contains("date de naissance");
        assertThat(byId("answer").isDisplayed()).isFalse();
        Browser.screenshot(driver, "guard-warning-1366x900");
        byId("guard-edit").click();
        assertThat(js("return document.activeElement.id")).isEqualTo("question");
        byId("ask").click();
        visible("#guard");
        byId("guard-send").click();
        answered();
        assertThat(byId("guard").isDisplayed()).isFalse();
        assertThat(driver.getCurrentUrl()).as("a question sent despite the warning stays out of the URL")
                .doesNotContain("Durand").doesNotContain("q=");
    }

    @Test
    void whenTheGuardCannotBeReachedTheQuestionWaitsBehindAWarning() {
        open("");
        js("const real = window.fetch; window.fetch = (u, o) => String(u).includes('/api/guard')"
                + " ? Promise.reject(new TypeError('network down')) : real(u, o);");
        ask("Quelle cible d'HbA1c chez le diabétique âgé ?");
        WebElement guard = visible("#guard");
        assertThat(guard.getText()).contains("n'a pas pu être faite");
        assertThat(byId("answer").isDisplayed()).isFalse();
        byId("guard-send").click();
        answered();
    }

    @Test
    void questionsLiveInTheFragmentWhichNoServerReceives() {
        open("");
        ask("How much salt should adults eat per day?");
        answered();
        java.net.URI url = java.net.URI.create(driver.getCurrentUrl());
        assertThat(url.getRawQuery()).isNull();
        assertThat(url.getRawFragment()).contains("q=How+much+salt");
        driver.get(base + "/?q=" + enc("salt") + "&view=search"); // a link made before questions moved
        visible("#passages li");
        assertThat(java.net.URI.create(driver.getCurrentUrl()).getRawQuery()).isNull();
        assertThat(driver.getCurrentUrl()).contains("#q=salt");
    }

    @Test
    void abstentionIsExplicitAndShowsTheClosestPassages() {
        open("?q=" + enc("Quel traitement contre les poux proposer chez un enfant de 4 ans ?"));
        answered();
        assertThat(byId("abstention").getText()).contains("Preuve s'abstient");
        assertThat(byId("sources-title").getText()).isEqualTo("Passages les plus proches (ils ne répondent pas à la question)");
        assertThat(driver.findElements(By.cssSelector("#passages > li"))).isNotEmpty();
        assertThat(byId("actions").isDisplayed()).isFalse();
    }

    @Test
    void englishInterfaceIsOneClickAwayAndRemembered() {
        open("");
        assertThat(byId("ask").getText()).isEqualTo("Demander");
        byId("ui-lang").click();
        assertThat(byId("ask").getText()).isEqualTo("Ask");
        assertThat(driver.getCurrentUrl()).contains("ui=en");
        assertThat(js("return document.documentElement.lang")).isEqualTo("en");
        driver.get(base + "/");
        assertThat(byId("ask").getText()).isEqualTo("Ask");
        driver.findElement(By.linkText("About")).click();
        assertThat(visible("article[lang=en] h1").getText()).isEqualTo("About Preuve");
        driver.get(base + "/?ui=fr");
        assertThat(byId("ask").getText()).isEqualTo("Demander");
        driver.findElement(By.linkText("À propos")).click();
        assertThat(visible("article[lang=fr] h1").getText()).isEqualTo("À propos de Preuve");
        assertThat(driver.findElement(By.cssSelector("article[lang=en]")).isDisplayed()).isFalse();
    }

    @Test
    void feedbackIsSentForTheAnswer() {
        open("?q=" + enc(HAS_QUESTION) + "&source=has");
        answered();
        byId("fb-useful").click();
        wait.until(d -> !byId("fb-status").getText().isEmpty());
        assertThat(byId("fb-status").getText()).startsWith("Merci, avis enregistré");
        assertThat(byId("fb-status").getDomAttribute("data-rating")).isEqualTo("useful");
        assertThat(byId("fb-useful").isEnabled()).isFalse();

        open("?q=" + enc(HAS_QUESTION) + "&source=has&lang=fr");
        answered();
        byId("fb-incorrect").click();
        visible("#fb-correction").sendKeys("La phrase 2 concerne une autre population.");
        byId("fb-send").click();
        wait.until(d -> !byId("fb-status").getText().isEmpty());
        assertThat(byId("fb-status").getDomAttribute("data-rating")).isEqualTo("incorrect");

        // both ratings reached the audit database, the correction with them
        List<Feedback> stored = runtime.audit().log().feedback(TimeRange.all());
        assertThat(stored).extracting(Feedback::rating).contains(Rating.USEFUL, Rating.INCORRECT);
        assertThat(stored).extracting(Feedback::correction).contains("La phrase 2 concerne une autre population.");
    }

    @Test
    void feedbackFailureIsShownNotSwallowed() {
        open("?q=" + enc(HAS_QUESTION) + "&source=has");
        answered();
        Object sent = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[0];
                const real = window.fetch;
                window.fetch = (url, opts) => { if (url === '/api/feedback') done(JSON.parse(opts.body)); return real(url, opts); };
                document.getElementById('fb-useful').click();""");
        assertThat(sent).asString().contains("rating=useful").contains("answerId=");
        wait.until(d -> !byId("fb-status").getText().isEmpty());
        // Until POST /api/feedback exists on this branch the server answers 404, and the page says so.
        assertThat(byId("fb-status").getText()).matches("(Merci, avis enregistré.*|Avis non enregistré : .+)");
    }

    // ---------------------------------------------------------------- security

    @Test
    void payloadsInIndexedDocumentsStayInertAndShowLiterally() {
        open("?q=" + enc(XSS_WORD + " vaccination") + "&view=search");
        visible("#passages li");
        String page = byId("passages").getText();
        assertThat(page).contains(IMG_PAYLOAD + SCRIPT_PAYLOAD + " " + XSS_WORD).contains(TEXT_PAYLOAD + SCRIPT_PAYLOAD);
        assertThat(page).contains(IMG_PAYLOAD + " " + XSS_WORD + " diet copy");
        assertThat(driver.findElements(By.cssSelector("#passages img, #passages script"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("a[href^='javascript']"))).isEmpty();
        // the javascript: URL of the modified WHO copy gets no link at all
        WebElement who = driver.findElements(By.cssSelector("#passages > li")).stream()
                .filter(li -> li.getText().contains("diet copy")).findFirst().orElseThrow();
        assertThat(who.findElements(By.tagName("a"))).isEmpty();
        who.findElement(By.cssSelector("button.linkish")).click();
        assertThat(visible("#panel .panel-doc-title").getText()).isEqualTo(IMG_PAYLOAD + " " + XSS_WORD + " diet copy");
        Browser.screenshot(driver, "xss-inert-1366x900");

        open("?q=" + enc(XSS_WORD + " vaccination contre la Covid-19 priorisation") + "&source=has");
        answered();
        for (WebElement chip : driver.findElements(By.cssSelector("#sentences .chip"))) {
            chip.click();
        }
        assertThat(js("return window.__xss")).isNull();
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/about", "/librarian", "/app.js", "/api/status"})
    void everyResponseCarriesStrictSecurityHeaders(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'self'").contains("script-src 'self'").contains("object-src 'none'")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(r.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        if (!path.startsWith("/api") && !path.endsWith(".js")) {
            assertThat(r.body()).doesNotContain("<script>").doesNotContain("style=").doesNotContain("onclick");
        }
    }

    // ---------------------------------------------------------------- librarian

    @Test
    void librarianSeesCorpusStatus() {
        open("");
        driver.findElement(By.linkText("Bibliothécaire")).click();
        WebElement counts = visible("#counts");
        assertThat(counts.getText()).contains("web-").contains("5");
        WebElement sources = visible("#per-source");
        assertThat(sources.getText()).contains("has").contains("who");
        assertThat(byId("indexing").getText()).containsIgnoringCase("terminée");
        Browser.screenshot(driver, "librarian-1366x900");
    }
}
