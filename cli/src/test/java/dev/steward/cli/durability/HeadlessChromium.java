package dev.steward.cli.durability;

import dev.steward.worker.RealTemporalServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by its chromedriver through Selenium, for a test class:
 * {@code @RegisterExtension static final HeadlessChromium browser = new HeadlessChromium();}.
 *
 * <p>Both binaries are given by path (Debian's packages {@code chromium} and {@code
 * chromium-driver}), so Selenium Manager never runs (it would try to download a driver and send
 * usage statistics). Where either is missing the class's tests are skipped with the reason; with
 * {@code STEWARD_REQUIRE_TEMPORAL=1} (CI, where they belong to the real-server set-up) that is a
 * failure instead.
 */
public final class HeadlessChromium implements BeforeAllCallback, AfterAllCallback {
  /**
   * Debian's paths; {@code -Dsteward.chromium=} and {@code -Dsteward.chromedriver=} name others.
   */
  static final Path CHROMIUM = Path.of(System.getProperty("steward.chromium", "/usr/bin/chromium"));

  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("steward.chromedriver", "/usr/bin/chromedriver"));

  /** Generous: a page of the UI on a loaded 2-core machine; only protects against a hang. */
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  /** Selenium warns that it has no DevTools bindings for this Chromium; none are used. */
  private static final Logger CDP_LOG =
      Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  private Path dir;
  private ChromeDriverService service;
  private ChromeDriver driver;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    for (Path binary : new Path[] {CHROMIUM, CHROMEDRIVER}) {
      if (!Files.isExecutable(binary)) {
        RealTemporalServer.skipOrFail(
            context.getDisplayName(),
            "no " + binary + " (apt-get install chromium chromium-driver)");
      }
    }
    // Selenium passes SE_* properties to Selenium Manager: no usage statistics, should it ever run.
    System.setProperty("SE_AVOID_STATS", "true");
    dir = Files.createTempDirectory("steward-chromium-");
    service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withLogFile(dir.resolve("chromedriver.log").toFile())
            .build();
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
    // As root Chromium needs --no-sandbox. Its background services would try to reach the internet
    // (which this closed network refuses); and the host rules keep it from looking up any name (it
    // asked for content-autofill.googleapis.com and accounts.google.com): the UI is on 127.0.0.1.
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-features=AutofillServerCommunication",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        "--disable-dev-shm-usage",
        "--window-size=1440,1600",
        "--user-data-dir=" + dir.resolve("profile"));
    CDP_LOG.setLevel(Level.SEVERE);
    driver = new ChromeDriver(service, options);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (service != null) {
      service.stop();
    }
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** An explicit wait on a condition of the page, never a fixed sleep. */
  public WebDriverWait await() {
    WebDriverWait wait = new WebDriverWait(driver, PATIENCE, Duration.ofMillis(200));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  /** Writes what the browser shows now as a PNG to {@code file}. */
  public void screenshot(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
