package io.vigil.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver with an explicit service, for the browser tests: the
 * flags this machine needs (no sandbox as root, no background networking on a closed network), a fresh profile,
 * screenshots under {@code target/screenshots} and a canvas check.
 */
final class HeadlessChromium {
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private HeadlessChromium() {
    }

    /** Skips the calling test class when the Debian packages are missing (.ci/run installs them). */
    static void assumeInstalled() {
        assumeTrue(CHROMEDRIVER.canExecute() && new File(CHROMIUM).canExecute(),
                "needs Debian's chromium and chromium-driver (.ci/run installs them)");
    }

    /** A browser on a fresh profile in {@code profile}, with a laptop-sized window. */
    static ChromeDriver start(Path profile) throws IOException {
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 900));
        Files.createDirectories(SCREENSHOTS);
        return driver;
    }

    /** A wait that looks an element up again when htmx swapped it between the lookup and the read. */
    static WebDriverWait waitFor(ChromeDriver driver, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Pixels of the canvas that are not transparent: a drawn chart has thousands, an empty canvas none. */
    static long paintedPixels(ChromeDriver driver, String canvasId) {
        Object n = ((JavascriptExecutor) driver).executeScript("""
                var c = document.getElementById(arguments[0]);
                var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                var n = 0;
                for (var i = 3; i < d.length; i += 4) { if (d[i] !== 0) { n++; } }
                return n;""", canvasId);
        return ((Number) n).longValue();
    }

    static void screenshot(ChromeDriver driver, String name) throws IOException {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
