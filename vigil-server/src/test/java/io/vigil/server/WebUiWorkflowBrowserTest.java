package io.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.loggroup.LicenceTraffic;
import io.vigil.core.loggroup.LicenceTrafficGenerator;
import io.vigil.core.loggroup.LicenceTrafficGenerator.Plan;
import io.vigil.core.loggroup.LogEntry;
import io.vigil.core.loggroup.PlantedIncident;
import io.vigil.core.loggroup.PlantedIncident.Kind;
import io.vigil.monitor.logs.FlaggedGroup;
import io.vigil.monitor.logs.LogAnomalies;
import io.vigil.monitor.logs.LogSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dataset → detector → run → results workflow, the comparison and the log anomalies in a real headless
 * Chromium against a real server. Screenshots of each page land in {@code target/screenshots/}.
 */
class WebUiWorkflowBrowserTest {
    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    private static final Instant DAY = START.plus(Duration.ofDays(4));

    @TempDir
    static Path dataDir;
    @TempDir
    static Path profile;

    private static LicenceTrafficGenerator generator;
    private static LicenceTraffic history;
    private static TestServer api;
    private static ChromeDriver driver;
    private static WebDriverWait wait;

    @BeforeAll
    static void startBrowserAndServer() throws IOException {
        HeadlessChromium.assumeInstalled();
        generator = new LicenceTrafficGenerator(LicenceTrafficGenerator.Profile.standard(), 3);
        history = generator.generate(START, Duration.ofDays(4), 1, List.of());
        int n = history.entries().size();
        api = TestServer.start(ServerConfig.local(dataDir.resolve("server")).withClock(Clock.fixed(DAY,
                ZoneOffset.UTC)).withLogs(LogSettings.defaults().withTrainingEntries(n, n)
                .withStoreRawIdentifiers(false)));
        driver = HeadlessChromium.start(profile);
        wait = HeadlessChromium.waitFor(driver, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (api != null) {
            api.close();
        }
    }

    /** 20,000 transactions; every 25th has a huge amount at night and is labelled 1. */
    private static Path transactions() throws IOException {
        Random r = new Random(11);
        StringBuilder sb = new StringBuilder("id,amount,hour,items,method,label\n");
        for (int i = 0; i < 20_000; i++) {
            boolean odd = i % 25 == 7;
            sb.append(i).append(',').append(odd ? 3000 + 400 * r.nextGaussian() : 45 + 12 * r.nextGaussian())
                    .append(',').append(odd ? r.nextInt(4) : 8 + r.nextInt(12)).append(',')
                    .append(1 + r.nextInt(odd ? 30 : 5)).append(',').append(i % 3 == 0 ? "card" : "cash")
                    .append(',').append(odd ? 1 : 0).append('\n');
        }
        return Files.writeString(dataDir.resolve("transactions.csv"), sb);
    }

    @Test
    void uploadsCreatesADetectorRunsItAndShowsResultsChartsAndAComparison() throws IOException {
        Path csv = transactions();
        driver.get(api.base + "/ui/datasets");
        driver.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
        driver.findElement(By.id("name")).sendKeys("no spaces allowed");
        driver.findElement(By.cssSelector("form.upload-form button[type=submit]")).click();
        // The script's upload gets the form back with the reason next to the name, in place of the page's main part.
        WebElement nameError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("name-error")));
        assertThat(nameError.getText()).contains("name");
        assertThat(driver.findElement(By.id("name")).getAttribute("value")).isEqualTo("no spaces allowed");
        shoot("datasets-upload-error");
        driver.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
        WebElement name = driver.findElement(By.id("name"));
        name.clear();
        name.sendKeys("transactions");
        // The page navigates once the upload is imported; a note in sessionStorage outlives it.
        ((JavascriptExecutor) driver).executeScript("""
                sessionStorage.removeItem('upload-max');
                var bar = document.getElementById('upload-bar');
                new MutationObserver(function () {
                  var v = Number(bar.value);
                  if (v > Number(sessionStorage.getItem('upload-max') || -1)) {
                    sessionStorage.setItem('upload-max', v);
                  }
                }).observe(bar, {attributes: true});""");
        shoot("datasets-upload-form");
        driver.findElement(By.cssSelector("form.upload-form button[type=submit]")).click();
        wait.until(ExpectedConditions.titleContains("Dataset transactions"));
        assertThat(((JavascriptExecutor) driver).executeScript("return sessionStorage.getItem('upload-max');"))
                .isEqualTo("100");
        assertThat(driver.findElement(By.id("dataset-rows")).getText()).isEqualTo("20000");
        WebElement stats = driver.findElement(By.id("column-stats"));
        assertThat(stats.getText()).contains("amount").contains("method").contains("card");
        assertThat(driver.findElement(By.id("preview")).findElements(By.cssSelector("tbody tr"))).hasSize(20);
        shoot("dataset-page");

        driver.get(api.base + "/ui/detectors/new");
        driver.findElement(By.id("name")).sendKeys("forest");
        new Select(driver.findElement(By.id("algorithm"))).selectByValue("isolation_forest");
        WebElement contamination = driver.findElement(By.id("contamination"));
        contamination.clear();
        contamination.sendKeys("0.04");
        driver.findElement(By.id("parameters")).sendKeys("trees=wrong");
        driver.findElement(By.id("exclude")).sendKeys("id");
        driver.findElement(By.cssSelector("form.monitor-form button[type=submit]")).click();
        WebElement paramError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("parameters-error")));
        assertThat(paramError.getText()).contains("trees");
        shoot("detector-form-error");
        WebElement parameters = driver.findElement(By.id("parameters"));
        parameters.clear();
        parameters.sendKeys("trees=150");
        driver.findElement(By.cssSelector("form.monitor-form button[type=submit]")).click();
        wait.until(ExpectedConditions.titleContains("Detector forest"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("trees=150");

        driver.findElement(By.linkText("Run it on a dataset")).click();
        new Select(driver.findElement(By.id("dataset"))).selectByValue("transactions");
        driver.findElement(By.cssSelector("#start-run button[type=submit]")).click();
        wait.until(ExpectedConditions.titleContains("Run run-"));
        shoot("run-progress");
        new WebDriverWait(driver, Duration.ofSeconds(90)).until(
                ExpectedConditions.presenceOfElementLocated(By.id("flagged-rows")));
        assertThat(driver.findElement(By.id("run-percent")).getText()).isEqualTo("100 %");
        List<WebElement> rows = driver.findElements(By.cssSelector("#flagged-rows tbody tr"));
        assertThat(rows).hasSize(25);
        assertThat(rows.get(0).findElements(By.cssSelector(".top-features li"))).hasSize(3);
        assertThat(rows.get(0).findElement(By.cssSelector(".top-features")).getText()).containsAnyOf("amount",
                "hour", "items");
        assertThat(driver.findElement(By.id("run-metrics")).getText()).contains("ROC-AUC");
        for (String chart : new String[] {"histogram-chart", "scatter-chart", "roc-chart"}) {
            wait.until(ExpectedConditions.attributeToBe(By.id(chart), "data-drawn", "true"));
            assertThat(HeadlessChromium.paintedPixels(driver, chart)).as(chart + " drew nothing")
                    .isGreaterThan(500);
        }
        shoot("run-results");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('histogram-chart').scrollIntoView();");
        shoot("run-results-charts");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('flagged').scrollIntoView();");
        shoot("run-flagged-rows");
        new Select(driver.findElement(By.id("scatter-y"))).selectByValue("items");
        wait.until(d -> "items".equals(((JavascriptExecutor) d).executeScript(
                "var c = document.getElementById('scatter-chart')._chart;"
                        + " return c && c.options.scales.y.title.text;")));
        assertThat(HeadlessChromium.paintedPixels(driver, "scatter-chart")).isGreaterThan(500);
        driver.findElement(By.id("flagged-next")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flagged"), "Rows 26–50"));
        ((JavascriptExecutor) driver).executeScript("document.getElementById('scatter-chart').scrollIntoView();");
        shoot("run-results-scatter-switched");
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.navigate().refresh();
        wait.until(ExpectedConditions.attributeToBe(By.id("histogram-chart"), "data-drawn", "true"));
        shoot("run-results-phone");
        driver.manage().window().setSize(new Dimension(1280, 900));

        TestServer.Response second = api.post("/v1/detectors", """
                {"name": "tails", "algorithm": "ecod", "contamination": 0.04, "exclude": ["id"]}""");
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        driver.get(api.base + "/ui/compare");
        new Select(driver.findElement(By.id("dataset"))).selectByValue("transactions");
        driver.findElement(By.id("detector-forest")).click();
        driver.findElement(By.id("detector-tails")).click();
        driver.findElement(By.cssSelector("#compare-form button[type=submit]")).click();
        WebElement table = new WebDriverWait(driver, Duration.ofSeconds(90)).until(
                ExpectedConditions.visibilityOfElementLocated(By.id("comparison-table")));
        assertThat(table.findElements(By.cssSelector("tbody tr"))).hasSize(2);
        assertThat(table.getText()).contains("forest").contains("tails").contains("★");
        shoot("compare");
        driver.get(api.base + "/ui/runs");
        assertThat(driver.findElements(By.cssSelector("#runs tbody tr"))).hasSize(3);
        shoot("runs-list");
    }

    @Test
    void logAnomaliesListThePlantedIncidentAndExpandToItsEntries() throws Exception {
        LogAnomalies logs = api.server.monitors().logs();
        ingest(logs, history.entries());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Boolean.TRUE.equals(logs.status().get("model_fitted")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        LicenceTraffic day = generator.generate(DAY, Duration.ofHours(6), history.entries().size() + 1L,
                List.of(new Plan(Kind.KEY_GUESSING, DAY.plus(Duration.ofHours(3)))));
        ingest(logs, day.entries());
        PlantedIncident guessing = day.incidents().get(0);
        FlaggedGroup hit = logs.anomalies(1000, null, null, false).stream()
                .filter(g -> guessing.entriesBetween(g.startingAt(), g.endingAt()) >= 10).findFirst().orElseThrow();

        driver.get(api.base + "/ui/log-anomalies");
        WebElement group = driver.findElement(By.id("group-" + hit.id()));
        assertThat(group.findElement(By.cssSelector(".reason")).getText()).contains("never seen before");
        assertThat(group.findElements(By.cssSelector(".top-features li"))).isNotEmpty();
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("not every entry in it is bad");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView();", group);
        group.findElement(By.cssSelector("button.expand")).click();
        wait.until(ExpectedConditions.presenceOfNestedElementLocatedBy(group, By.cssSelector(".log-entries")));
        assertThat(group.findElements(By.cssSelector(".log-entries tbody tr"))).hasSize(hit.requests());
        WebElement expand = group.findElement(By.cssSelector("button.expand"));
        wait.until(ExpectedConditions.attributeToBe(expand, "aria-expanded", "true"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView();", expand);
        shoot("log-anomalies-expanded");
        // A second click hides the entries without asking the server again; a third shows them.
        expand.click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#entries-" + hit.id()
                + " .log-entries")));
        assertThat(expand.getAttribute("aria-expanded")).isEqualTo("false");
        expand.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#entries-" + hit.id()
                + " .log-entries")));
    }

    private static void ingest(LogAnomalies logs, List<LogEntry> entries) {
        for (int from = 0; from < entries.size(); from += 5_000) {
            assertThat(logs.ingest(entries.subList(from, Math.min(entries.size(), from + 5_000))).rejected())
                    .isEmpty();
        }
    }


    private void shoot(String name) throws IOException {
        HeadlessChromium.screenshot(driver, name);
    }
}
