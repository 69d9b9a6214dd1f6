package org.csbench.publish.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import org.csbench.RequiredTools;
import org.csbench.SparkTestSession;

/**
 * The reports opened in a real browser (Debian's Chromium, headless, through chromedriver): no console error, no
 * request leaving the file, axe-core at zero WCAG 2 A/AA violations, charts that are not blank, Manchester's
 * headline figure as the gold tables have it, and no horizontal scrolling at 320 CSS pixels (400% zoom). Skipped
 * when Chromium is not installed, unless CSBENCH_REQUIRE_TOOLS is set (as in CI), when it fails.
 */
class ReportBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("/tmp/report-shots");
    static final List<String> PAGES = List.of("index.html", "trends.html", "authority-352.html", "authority-201.html");
    private static ChromeDriver browser;

    @BeforeAll
    static void start() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        RequiredTools.requireOrSkip(installed, CHROMIUM + " and " + DRIVER, "apt-get install chromium chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--no-first-run", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + SparkTestSession.newTempDir("chromium-profile"), "--window-size=1280,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(180));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static void open(String page) {
        browser.get(SampleReports.folder().resolve(page).toUri().toString());
    }

    @Test
    void pagesLoadWithoutErrorsOrRequests() {
        for (String page : PAGES) {
            open(page);
            List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
            assertEquals(List.of(), severe.stream().map(LogEntry::getMessage).toList(), page + ": console errors");
            Object resources = browser.executeScript(
                    "return performance.getEntriesByType('resource').map(function (e) { return e.name; });");
            assertEquals(List.of(), resources, page + ": requests made by the page");
            assertEquals(0L, browser.executeScript("return document.querySelectorAll('script, link, iframe, img, "
                    + "object, embed').length;"), page + ": elements that could load something");
        }
    }

    @Test
    void axeFindsNoWcagViolations() throws IOException {
        String axe;
        try (InputStream in = ReportBrowserTest.class.getResourceAsStream("/axe.min.js")) {
            assertTrue(in != null, "axe.min.js (com.deque.html.axe-core:selenium) on the test classpath");
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String page : PAGES) {
            open(page);
            browser.executeScript(axe);
            Object result = browser.executeAsyncScript("var done = arguments[arguments.length - 1];"
                    + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',"
                    + " 'wcag22aa']}, resultTypes: ['violations']}).then(function (r) {"
                    + "  done({version: axe.version, passes: r.passes.length, violations: r.violations.map(function (v) {"
                    + "    return v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(function (n) {"
                    + "      return n.target.join(' ') + ' ' + n.failureSummary; }).join(' | '); })});"
                    + "}).catch(function (e) { done({error: String(e)}); });");
            @SuppressWarnings("unchecked")
            Map<String, Object> r = (Map<String, Object>) result;
            assertEquals(null, r.get("error"), page);
            assertTrue(String.valueOf(r.get("version")).startsWith("4."), "axe-core 4.x: " + r.get("version"));
            assertEquals(List.of(), r.get("violations"), page + ": axe-core violations");
        }
    }

    @Test
    void chartsAreDrawnAndManchestersHeadlineIsGolds() throws IOException {
        Files.createDirectories(SHOTS);
        open("authority-352.html");
        WebElement row = browser.findElement(By.xpath("//tr[th/a[@href='#i-referral-rate']]"));
        String latest = row.findElements(By.tagName("td")).get(0).getText();
        assertEquals(Format.number(SampleReports.latestBenchmark("352", "referral_rate").getDouble(0), 1), latest);
        WebElement trend = browser.findElement(By.cssSelector("#i-referral-rate figure.chart svg.plot"));
        browser.executeScript("arguments[0].scrollIntoView();", trend);
        assertNotBlank(trend.getScreenshotAs(OutputType.BYTES), "trend chart");
        Files.write(SHOTS.resolve("manchester-trend-chart.png"), trend.getScreenshotAs(OutputType.BYTES));
        browser.executeScript("window.scrollTo(0, 0);");
        Files.write(SHOTS.resolve("manchester-top.png"), browser.getScreenshotAs(OutputType.BYTES));

        open("authority-201.html");
        List<WebElement> spc = browser.findElements(By.cssSelector("figure.chart[aria-labelledby$='-spc-t'] svg.plot"));
        assertTrue(!spc.isEmpty(), "the City of London's monthly indicators have SPC charts");
        browser.executeScript("arguments[0].scrollIntoView();", spc.get(0));
        byte[] shot = spc.get(0).getScreenshotAs(OutputType.BYTES);
        assertNotBlank(shot, "SPC chart");
        Files.write(SHOTS.resolve("city-of-london-spc-chart.png"), shot);
    }

    @Test
    void pagesReflowAt320CssPixels() {
        try {
            browser.manage().window().setSize(new Dimension(320, 800));
            for (String page : PAGES) {
                open(page);
                Object overflow = browser.executeScript("return document.documentElement.scrollWidth - "
                        + "document.documentElement.clientWidth;");
                assertEquals(0L, ((Number) overflow).longValue(), page + ": the page scrolls sideways at 400% zoom");
            }
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    /** A chart's screenshot has many colours and a spread of brightness: it is not blank. */
    static void assertNotBlank(byte[] png, String what) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(image.getWidth() > 200 && image.getHeight() > 100, what + " size " + image.getWidth() + "x"
                + image.getHeight());
        double sum = 0;
        double squares = 0;
        long dark = 0;
        int n = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                double luminance = 0.2126 * ((rgb >> 16) & 255) + 0.7152 * ((rgb >> 8) & 255) + 0.0722 * (rgb & 255);
                sum += luminance;
                squares += luminance * luminance;
                if (luminance < 160) {
                    dark++;
                }
                n++;
            }
        }
        double variance = squares / n - (sum / n) * (sum / n);
        assertTrue(variance > 100, what + ": pixel variance " + variance);
        assertTrue(dark > n / 100, what + ": " + dark + " of " + n + " pixels drawn");
    }
}
