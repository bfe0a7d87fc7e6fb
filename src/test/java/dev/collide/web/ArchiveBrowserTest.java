package dev.collide.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.RequiredService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The archive page in a real headless browser (Debian's chromium + chromium-driver, installed by .ci/run): the
 * timeline shows the releases and the collision, and a click on the collision band leads to its evidence.
 */
class ArchiveBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOT = Path.of("target", "archive-page.png");
    static final Path COLLISION_SCREENSHOT = Path.of("target", "archive-collision.png");

    private static ArchiveFixture fixture;
    private static ArchiveServer server;
    private static ChromeDriver browser;
    private static Path profile;
    private static String missing;

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            // reported per test in requireBrowser: a skip in @BeforeAll would hide the tests from the counts
            missing = "browser test needs /usr/bin/chromium and /usr/bin/chromedriver"
                    + " (apt-get install -y chromium chromium-driver; .ci/run does this)";
            return;
        }
        fixture = new ArchiveFixture();
        server = ArchiveServer.start("127.0.0.1", 0, fixture.archive, ArchiveFixture.CLOCK);
        profile = Files.createTempDirectory("collide-chromium-");
        // Selenium Manager must not try to download a driver: name the system one explicitly
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1100,1000", "--user-data-dir=" + profile);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** Each test is counted: skipped with the reason, or failed under CI=true, when the browser is missing. */
    @BeforeEach
    void requireBrowser() {
        if (missing != null) {
            RequiredService.missing(missing);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
            fixture.close();
        }
    }

    @Test
    void page_timelineShowsReleasesAndCollision_clickLeadsToEvidence() throws Exception {
        browser.get("http://127.0.0.1:" + server.port() + "/");
        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT,
                StandardCopyOption.REPLACE_EXISTING);

        var marks = browser.findElements(By.cssSelector("svg.timeline a.release"));
        assertThat(marks).extracting(m -> m.getAttribute("data-lab"))
                .containsExactlyInAnyOrder("deepseek", "moonshot", "qwen");
        assertThat(browser.findElements(By.cssSelector("svg.timeline .release-label")))
                .extracting(WebElement::getText).containsExactlyInAnyOrder("DeepSeek V4", "Kimi K2.6", "Qwen 3.5");
        assertThat(browser.findElements(By.cssSelector("svg.timeline .lane-label")))
                .extracting(WebElement::getText).containsExactly("DeepSeek", "Moonshot AI", "Qwen");
        WebElement band = browser.findElement(By.cssSelector("svg.timeline a.collision rect"));
        assertThat(band.getSize().getWidth()).isGreaterThan(20);

        band.click();
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), COLLISION_SCREENSHOT,
                StandardCopyOption.REPLACE_EXISTING);

        assertThat(browser.getCurrentUrl()).endsWith("/collisions/" + fixture.collision().id());
        assertThat(browser.findElement(By.id("summary")).getText()).endsWith("within the window, 4 days apart");
        assertThat(browser.findElements(By.cssSelector("table.evidence a.article")))
                .extracting(a -> a.getAttribute("href"))
                .containsExactlyInAnyOrder("https://wire.example/deepseek-v4", "https://wire.example/kimi-k2-6");
        // the hostile title is shown as text, and no script ran (an alert would make the next call fail)
        assertThat(browser.findElement(By.tagName("body")).getText()).contains(ArchiveFixture.HOSTILE_TITLE);
        assertThat(browser.getTitle()).startsWith("Collision: ");
    }
}
