package fr.preuve.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preuve.app.RunningServer;
import fr.preuve.core.config.LlmSettings;
import fr.preuve.core.config.LlmSettings.Provider;
import fr.preuve.core.llm.ScriptedLlmServer;
import fr.preuve.core.testing.RunDir;
import fr.preuve.indexer.config.CorpusConfig;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page with a generative model (a scripted OpenAI-compatible server on loopback, through the real client) whose
 * text carries script and img payloads: the streamed draft, flagged sentences and their reasons are rendered as text,
 * and no payload runs.
 */
@Tag("browser")
class GenerativePageBrowserTest {
    private static final Path SMOKE = Path.of("").toAbsolutePath().getParent().resolve("corpus-config/smoke.yaml");
    static final String TOKEN_PAYLOAD = "<img src=x onerror=\"window.__xss='token'\">";
    static final String FLAGGED_PAYLOAD = "<script>window.__xss='flagged'</script>";
    static ScriptedLlmServer llm;
    static RunningServer app;
    static ChromeDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        llm = new ScriptedLlmServer(r -> ScriptedLlmServer.text("Keeping salt intake to less than 5 g per day "
                + TOKEN_PAYLOAD + " helps prevent hypertension in adults [1]. " + FLAGGED_PAYLOAD
                + " Salt cures every disease known to medicine [1]."));
        LlmSettings model = new LlmSettings(Provider.OPENAI, "scripted-vllm", llm.openAiBaseUrl(), "scripted-model", null,
                false, Duration.ofSeconds(10), 400, 0.0, LlmSettings.UnsupportedPolicy.FLAG, 50, Duration.ofSeconds(30),
                LlmSettings.PatientDataPolicy.REFUSE, fr.preuve.core.verify.JudgeSpec.parse("default"));
        Path dir = RunDir.resolve("generative-browser");
        app = RunningServer.start(dir.resolve("home"), CorpusConfig.load(SMOKE), model);
        driver = Browser.start(dir.resolve("chromium-profile"), dir.resolve("downloads"));
        wait = Browser.waiting(driver, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        app.close();
        llm.close();
    }

    @Test
    void streamedTokensAndFlaggedSentencesAreRenderedAsText() {
        driver.get(app.base() + "/");
        driver.findElement(By.id("question")).sendKeys("How much salt should adults eat per day?");
        driver.findElement(By.id("ask")).click();
        wait.until(d -> Boolean.TRUE.equals(driver.executeScript("const a = document.getElementById('answer');"
                + " return a.hidden === false && !a.hasAttribute('aria-busy')")));
        assertThat(driver.executeScript("return window.__xss === undefined")).as("no payload ran").isEqualTo(true);
        assertThat(driver.executeScript("return document.querySelectorAll('#draft img, #draft script, #answer img, "
                + "#answer script').length")).isEqualTo(0L);
        assertThat((String) driver.executeScript("return document.getElementById('draft').textContent"))
                .as("the streamed draft, as text").contains("onerror=");
        assertThat(driver.findElement(By.id("sentences")).getText()).contains("<script>window.__xss='flagged'</script>");
        assertThat(driver.findElements(By.cssSelector("#sentences li.flagged"))).isNotEmpty();
    }
}
