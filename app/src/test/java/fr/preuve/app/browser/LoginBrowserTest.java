package fr.preuve.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preuve.app.RunningServer;
import fr.preuve.core.config.AuthSettings;
import fr.preuve.core.testing.RunDir;
import fr.preuve.indexer.config.CorpusConfig;
import fr.preuve.server.auth.RateLimits;
import fr.preuve.server.auth.Role;
import fr.preuve.server.auth.TokenStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The page on a server with API tokens: the login form, a session cookie the page's scripts cannot read, logout. */
@Tag("browser")
class LoginBrowserTest {
    private static final Path SMOKE = Path.of("").toAbsolutePath().getParent().resolve("corpus-config/smoke.yaml");
    static RunningServer app;
    static ChromeDriver driver;
    static WebDriverWait wait;
    static TokenStore tokens;

    @BeforeAll
    static void start() throws Exception {
        Path dir = RunDir.resolve("login-browser");
        app = RunningServer.start(dir.resolve("home"), CorpusConfig.load(SMOKE), AuthSettings.tokens(),
                RateLimits.Settings.defaults());
        tokens = new TokenStore(app.config().tokensFile(), Clock.systemUTC());
        driver = Browser.start(dir.resolve("chromium-profile"), dir.resolve("downloads"));
        wait = Browser.waiting(driver, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        app.close();
    }

    @Test
    void aClinicianLogsInWithATokenAsksAndLogsOut() {
        String secret = tokens.create("dr.login", Role.CLINICIAN).secret();
        driver.get(app.base() + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-token")));
        assertThat(driver.findElement(By.id("ask-form")).isDisplayed()).as("the form waits for the login").isFalse();
        Browser.screenshot(driver, "login-1366x900");

        driver.findElement(By.id("login-token")).sendKeys("pv_not-a-token");
        driver.findElement(By.id("login-submit")).click();
        wait.until(d -> d.findElement(By.id("login-error")).isDisplayed());
        assertThat(driver.findElement(By.id("login-error")).getText()).contains("Jeton inconnu");

        driver.findElement(By.id("login-token")).clear();
        driver.findElement(By.id("login-token")).sendKeys(secret);
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ask-form")));
        assertThat(driver.findElement(By.id("who")).getText()).contains("dr.login").contains("clinician");
        Cookie session = driver.manage().getCookieNamed("preuve_session");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");
        assertThat(driver.executeScript("return document.cookie")).asString().doesNotContain("preuve_session");
        assertThat(driver.getPageSource()).doesNotContain(secret);

        driver.findElement(By.id("question")).sendKeys("Quelle quantité de sel par jour pour un adulte ?");
        driver.findElement(By.id("ask")).click();
        wait.until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                "const a = document.getElementById('answer'); return a.hidden === false && !a.hasAttribute('aria-busy')")));

        driver.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-token")));
        assertThat(driver.manage().getCookieNamed("preuve_session")).isNull();
    }
}
