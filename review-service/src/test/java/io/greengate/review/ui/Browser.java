package io.greengate.review.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.StaleElementReferenceException;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real headless Chromium driven through chromedriver, both from Debian's packages. Selenium is given both paths
 * so that Selenium Manager never tries to download a browser. A missing Chromium fails the test (CI installs it).
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("greengate.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("greengate.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final WebDriver driver;
    private final Path profile;
    private final URL base;

    private Browser(WebDriver driver, Path profile, URL base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    static Browser start(URL base) {
        return start(base, true);
    }

    /** A fresh browser (new profile, no cookies); {@code javascript} false turns scripts off, as some users do. */
    static Browser start(URL base, boolean javascript) {
        assertTrue(Files.isExecutable(CHROMIUM), "Chromium is required for the web UI tests: "
                + "apt-get install -y chromium chromium-driver (missing " + CHROMIUM + ")");
        assertTrue(Files.isExecutable(CHROMEDRIVER), "chromedriver is required for the web UI tests: "
                + "apt-get install -y chromium-driver (missing " + CHROMEDRIVER + ")");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        try {
            Path profile = Files.createTempDirectory("greengate-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,800");
            options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
            if (!javascript) {
                options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
            }
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            return new Browser(new ChromeDriver(service, options), profile, base);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void open(String path) {
        driver.get(url(path));
    }

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    void logIn(String user, String password) {
        open("/login");
        find(By.id("j_username")).sendKeys(user);
        find(By.id("j_password")).sendKeys(password);
        find(By.id("login")).click();
        await(d -> d.findElements(By.id("logout")).size() == 1 || d.getCurrentUrl().contains("error"));
    }

    WebElement find(By by) {
        return await(d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    <T> T await(ExpectedCondition<T> condition) {
        // a page swap (navigation, htmx) can replace an element between finding and reading it: look again
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /** Waits until the element's text contains the fragment (htmx swaps pages in asynchronously). */
    void awaitText(By by, String fragment) {
        await(d -> d.findElements(by).stream().anyMatch(e -> e.getText().contains(fragment)));
    }

    Object script(String javascript) {
        return ((JavascriptExecutor) driver).executeScript(javascript);
    }

    /** What the page logged as errors: script errors, CSP violations, failed loads. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    String path() {
        return (String) script("return location.pathname + location.search;");
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A full-page screenshot: the window grows to the page's height for the shot. */
    void screenshotFullPage(String name) {
        org.openqa.selenium.Dimension before = driver.manage().window().getSize();
        long height = (Long) script("return Math.max(document.body.scrollHeight, 800);");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(before.getWidth(), (int) Math.min(height, 4000)));
        screenshot(name);
        driver.manage().window().setSize(before);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp directory
            }
        }
    }
}
