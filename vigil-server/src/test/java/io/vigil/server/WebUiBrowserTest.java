package io.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.monitor.Monitor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in a real headless Chromium against a real server: monitor form errors and toggles, a monitor page's
 * charts, models, streams and the login. Screenshots of each page land in {@code target/screenshots/}.
 */
class WebUiBrowserTest {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    static Path dataDir;
    @TempDir
    static Path profile;

    private static TestServer api;
    private static ChromeDriver driver;
    private static WebDriverWait wait;

    @BeforeAll
    static void startBrowserAndServer() throws IOException {
        HeadlessChromium.assumeInstalled();
        api = TestServer.start(dataDir.resolve("server"));
        driver = HeadlessChromium.start(profile);
        wait = HeadlessChromium.waitFor(driver, Duration.ofSeconds(15));
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

    @BeforeEach
    void desktopSize() {
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void monitorFormShowsTheCronReasonThenCreatesAndTogglesAMonitor() throws IOException {
        driver.get(api.base + "/ui/monitors/new");
        WebElement name = driver.findElement(By.id("name"));
        name.sendKeys("Checkout latency");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("name-help"), "is available"));
        WebElement schedule = driver.findElement(By.id("schedule"));
        schedule.clear();
        schedule.sendKeys("every five minutes");
        // The live preview gives the parser's reason while typing...
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("schedule-help"),
                "is not a Quartz cron expression"));
        shoot("monitor-form-live-error");
        driver.findElement(By.cssSelector("form.monitor-form button[type=submit]")).click();
        // ...and the submitted form comes back with it next to the schedule field, the other values kept.
        WebElement scheduleError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("schedule-error")));
        assertThat(scheduleError.getText()).contains("is not a Quartz cron expression");
        assertThat(driver.findElement(By.cssSelector(".error-box")).getText()).contains("was not saved");
        assertThat(driver.findElement(By.id("name")).getAttribute("value")).isEqualTo("Checkout latency");
        shoot("monitor-form-submitted-error");

        schedule = driver.findElement(By.id("schedule"));
        schedule.clear();
        schedule.sendKeys("0 */5 * ? * *");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("schedule-help"), "Next:"));
        assertThat(driver.findElement(By.id("schedule-help")).getText()).containsIgnoringCase("5 minutes");
        driver.findElement(By.cssSelector("form.monitor-form button[type=submit]")).click();
        wait.until(ExpectedConditions.titleContains("Monitor Checkout latency"));

        driver.get(api.base + "/ui/monitors");
        WebElement row = driver.findElement(By.xpath("//table[@id='monitors']//tr[.//a[text()='Checkout latency']]"));
        assertThat(row.findElement(By.cssSelector(".badge")).getAttribute("data-status")).isEqualTo("active");
        row.findElement(By.cssSelector("button.toggle")).click();
        wait.until(ExpectedConditions.attributeToBe(By.xpath(
                "//tr[.//a[text()='Checkout latency']]//span[contains(@class,'badge')]"), "data-status", "passive"));
        driver.navigate().refresh();
        assertThat(driver.findElement(By.xpath("//tr[.//a[text()='Checkout latency']]//span[contains(@class,'badge')]"))
                .getAttribute("data-status")).isEqualTo("passive");
        shoot("monitors-list");

        WebElement search = driver.findElement(By.id("q"));
        search.sendKeys("no such monitor");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("monitor-table"), "No monitor matches"));
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(api.base + "/ui/monitors");
        shoot("monitors-list-phone");
    }

    @Test
    void monitorPageDrawsAChartPerConditionAndBacktests() throws IOException {
        assertThat(api.post("/v1/traffic", traffic()).status()).isEqualTo(200);
        TestServer.Response created = api.post("/v1/monitors", """
                {"name": "Payments volume", "description": "requests per 5 minutes", "environment": "prod",
                 "schedule": "0 */5 * ? * *", "query": {"apis": ["payments"]}, "filter": {"time_range": "5m"},
                 "conditions": [
                   {"type": "metric", "aggregation": "count", "operator": "above", "threshold": 12, "times": 1},
                   {"type": "ema", "aggregation": "avg", "field": "response_time_ms", "band": "outside",
                    "points": 5, "sensitivity": 1.5}]}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        Monitor monitor = api.server.monitors().monitors().get(id);
        for (int run = 1; run <= 12; run++) {
            api.server.monitors().runner().run(monitor, T0.plusSeconds(run * 300L));
        }

        driver.get(api.base + "/ui/monitors/" + id);
        for (String chart : new String[] {"condition-chart-0", "condition-chart-1"}) {
            wait.until(ExpectedConditions.attributeToBe(By.id(chart), "data-drawn", "true"));
            assertThat(HeadlessChromium.paintedPixels(driver, chart)).as(chart + " drew nothing")
                    .isGreaterThan(500);
        }
        String runs = driver.findElement(By.id("runs")).getText();
        assertThat(runs).contains("NOT MET").contains("MET");
        shoot("monitor-page");

        WebElement from = driver.findElement(By.id("from"));
        from.clear();
        from.sendKeys(T0.plusSeconds(300).toString());
        WebElement to = driver.findElement(By.id("to"));
        to.clear();
        to.sendKeys(T0.plusSeconds(3600).toString());
        driver.findElement(By.cssSelector(".inline-form button[type=submit]")).click();
        WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("backtest-summary")));
        assertThat(summary.getText()).contains("12 runs").contains("would have alerted");
        to.clear();
        to.sendKeys("yesterday");
        driver.findElement(By.cssSelector(".inline-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("backtest-result"),
                "to must be an ISO-8601 instant"));
        shoot("monitor-backtest-error");
    }

    @Test
    void homeAndModelsPagesListAFittedModel() throws IOException {
        TestServer.Response fit = api.post("/v1/anomaly/fit", """
                {"model": "sensor-monitor", "backend": "isolation_forest", "contamination": 0.1,
                 "data": [[100, 1024, 10], [105, 1100, 12], [98, 980, 9], [102, 1050, 11], [103, 1080, 10]]}""");
        assertThat(fit.status()).as(fit.toString()).isEqualTo(200);
        driver.get(api.base + "/");
        assertThat(Integer.parseInt(driver.findElement(By.id("count-models")).getText())).isGreaterThanOrEqualTo(1);
        shoot("home");
        driver.findElement(By.linkText("Models")).click();
        WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("models")));
        assertThat(table.getText()).contains("sensor-monitor").contains("isolation_forest").contains("not saved");
        shoot("models");
        driver.findElement(By.linkText("sensor-monitor")).click();
        wait.until(ExpectedConditions.titleContains("Model sensor-monitor"));
        assertThat(driver.findElement(By.id("parameters")).getText()).contains("trees").contains("sample_size");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Rows fitted").contains("Threshold");
        shoot("model-detail");
        driver.get(api.base + "/ui/models/no-such-model");
        assertThat(driver.findElement(By.cssSelector(".error-box")).getText()).contains("no model named 'no-such-model'");
        shoot("model-not-found");
    }

    @Test
    void streamPageChartsTheLatestScores() throws IOException {
        TestServer.Response put = api.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(api.base + "/v1/stream/cpu")).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"type\":\"ema_bollinger\",\"settings\":{\"window\":20,\"k\":3}}")));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 80; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"value\":").append(i == 60 ? 500 : 50 + (i % 7)).append('}');
        }
        assertThat(api.post("/v1/stream/cpu/observe", batch.append(']').toString()).status()).isEqualTo(200);
        driver.get(api.base + "/ui/streams");
        assertThat(driver.findElement(By.id("streams")).getText()).contains("cpu").contains("ema_bollinger");
        shoot("streams");
        driver.findElement(By.linkText("cpu")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("stream-chart"), "data-drawn", "true"));
        assertThat(HeadlessChromium.paintedPixels(driver, "stream-chart")).isGreaterThan(500);
        api.post("/v1/stream/cpu/observe", "{\"value\": 51}");
        wait.until(ExpectedConditions.textToBe(By.id("stream-count"), "81"));
        shoot("stream-page");
        // Once the stream is gone the page says so and stops asking.
        assertThat(api.delete("/v1/stream/cpu").status()).isEqualTo(200);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("figure .chart-error"),
                "no longer refreshing"));
    }

    @Test
    void aKeyedServerAsksForTheKeyOnceAndKeepsV1BehindTheBearerHeader() throws IOException {
        try (TestServer keyed = TestServer.start(ServerConfig.local(dataDir.resolve("keyed")).withApiKey("s3cret"))) {
            driver.get(keyed.base + "/ui/monitors");
            wait.until(ExpectedConditions.urlContains("/ui/login"));
            driver.findElement(By.id("api_key")).sendKeys("wrong");
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".error-box")))
                    .getText()).contains("not the server's API key");
            shoot("login-error");
            driver.findElement(By.id("api_key")).sendKeys("s3cret");
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            wait.until(ExpectedConditions.titleContains("Monitors"));
            assertThat(driver.getCurrentUrl()).endsWith("/ui/monitors");
            Cookie session = driver.manage().getCookieNamed("vigil_session");
            assertThat(session.isHttpOnly()).isTrue();
            assertThat(session.getSameSite()).isEqualToIgnoringCase("Strict");
            // The session opens the UI only: /v1 still needs the bearer header.
            TestServer.Response v1 = keyed.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(keyed.base + "/v1/monitors")).header("Cookie", "vigil_session="
                    + session.getValue()).GET());
            assertThat(v1.status()).isEqualTo(401);
            driver.findElement(By.cssSelector(".logout button")).click();
            wait.until(ExpectedConditions.urlContains("/ui/login"));
            driver.get(keyed.base + "/ui/models");
            wait.until(ExpectedConditions.urlContains("/ui/login"));
            shoot("login");
        }
    }


    private void shoot(String name) throws IOException {
        HeadlessChromium.screenshot(driver, name);
    }

    /** An hour of payments traffic: 2 requests a minute for 30 minutes, then 5 a minute, slower. */
    private static String traffic() {
        StringBuilder ndjson = new StringBuilder();
        for (int minute = 0; minute < 60; minute++) {
            int perMinute = minute < 30 ? 2 : 5;
            for (int k = 0; k < perMinute; k++) {
                ndjson.append("{\"timestamp\":\"").append(T0.plusSeconds(minute * 60L + k * 10L))
                        .append("\",\"environment\":\"prod\",\"api\":\"payments\",\"method\":\"POST\",")
                        .append("\"endpoint\":\"/v1/pay\",\"status_code\":200,\"result\":\"success\",")
                        .append("\"response_time_ms\":").append(minute < 30 ? 100 + k : 400 + 10 * k).append("}\n");
            }
        }
        return ndjson.toString();
    }
}
