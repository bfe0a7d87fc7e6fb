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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
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
    static final Path CROWDED_SCREENSHOT = Path.of("target", "timeline-1000-events.png");
    static final Path DEMO_SCREENSHOT = Path.of("target", "timeline-demo.png");

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

    @Test
    void timeline_thousandEvents_at1400px_noTwoLabelsOverlap() throws Exception {
        try (var crowded = new CrowdedArchive(1000);
             var crowdedServer = ArchiveServer.start("127.0.0.1", 0, crowded.archive, ArchiveFixture.CLOCK)) {
            browser.manage().window().setSize(new Dimension(1400, 1000));
            browser.get("http://127.0.0.1:" + crowdedServer.port() + "/");
            shoot(CROWDED_SCREENSHOT);

            assertThat(browser.findElements(By.cssSelector("svg.timeline .lane-label"))).hasSize(14);
            assertThat(browser.findElements(By.cssSelector("svg.timeline .axis"))).hasSizeGreaterThanOrEqualTo(6);
            assertThat(browser.findElements(By.cssSelector("svg.timeline .release-label")))
                    .hasSizeGreaterThan(50);
            assertNoTwoTextBoxesIntersect();
        }
    }

    @Test
    void timeline_demoArchive_at1400px_lanesOnlyForLabsWithReleases_noOverlap() throws Exception {
        Path dir = Files.createTempDirectory("collide-demo-browser-");
        String url = "jdbc:h2:file:" + dir.resolve("demo").toAbsolutePath();
        try {
            int exit = new picocli.CommandLine(new dev.collide.cli.Main()).execute("--db", url, "demo");
            assertThat(exit).isZero();
            var labs = dev.collide.config.ConfigLoader.fromEnvironment().loadLabs(Path.of("config"));
            try (var db = dev.collide.store.Database.open(new dev.collide.config.DatabaseConfig(url,
                    java.util.Optional.empty(), java.util.Optional.empty()))) {
                var archive = new Archive(new dev.collide.store.JdbcArchiveReader(db.dataSource()),
                        new dev.collide.store.JdbcArticleStore(db), new dev.collide.store.JdbcSourceStateStore(
                        db.dataSource()), new dev.collide.store.JdbcArchiveStats(db.dataSource()), labs);
                try (var demoServer = ArchiveServer.start("127.0.0.1", 0, archive, java.time.Clock.systemUTC())) {
                    browser.manage().window().setSize(new Dimension(1400, 1000));
                    browser.get("http://127.0.0.1:" + demoServer.port() + "/");
                    shoot(DEMO_SCREENSHOT);

                    var laneLabs = browser.findElements(By.cssSelector("svg.timeline g.lane")).stream()
                            .map(g -> g.getAttribute("data-lab")).toList();
                    var markLabs = browser.findElements(By.cssSelector("svg.timeline a.release")).stream()
                            .map(a -> a.getAttribute("data-lab")).distinct().toList();
                    assertThat(laneLabs).isNotEmpty().containsExactlyInAnyOrderElementsOf(markLabs);
                    assertThat(laneLabs.size()).isLessThan(labs.size());
                    assertThat(browser.findElements(By.cssSelector("svg.timeline .axis")))
                            .hasSizeGreaterThanOrEqualTo(3);
                    assertNoTwoTextBoxesIntersect();
                }
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Every text of the timeline (lane names, release names, axis, note) as the browser laid it out. */
    @SuppressWarnings("unchecked")
    private static void assertNoTwoTextBoxesIntersect() {
        var boxes = (List<Map<String, Object>>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('svg.timeline text')).map(t => {"
                        + " const r = t.getBoundingClientRect();"
                        + " return {text: t.textContent, l: r.left, t: r.top, r: r.right, b: r.bottom}; });");
        List<String> overlaps = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                var a = boxes.get(i);
                var b = boxes.get(j);
                if (num(a, "l") < num(b, "r") && num(b, "l") < num(a, "r") && num(a, "t") < num(b, "b")
                        && num(b, "t") < num(a, "b")) {
                    overlaps.add(a.get("text") + " / " + b.get("text"));
                }
            }
        }
        assertThat(boxes).isNotEmpty();
        assertThat(overlaps).as("labels whose boxes intersect").isEmpty();
    }

    private static double num(Map<String, Object> box, String key) {
        return ((Number) box.get(key)).doubleValue();
    }

    private static void shoot(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    }
}
