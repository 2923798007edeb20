package dev.steward.cli.durability;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The pages of Temporal's web UI (2.42) that show one run, read the way a person reads them: open
 * the run's event history, click its tabs, wait until the text is on the screen.
 */
final class TemporalWebUi {
  /** What one view showed: its visible text (markdown frames included) and its HTML. */
  record View(String name, String text, String source) {}

  /** The User Metadata tab: the run's summary, details and current details, as rendered. */
  record Metadata(View view, String summary, String details, String currentDetails) {}

  private final HeadlessChromium browser;
  private final String uiUrl;

  TemporalWebUi(HeadlessChromium browser, String uiUrl) {
    this.browser = browser;
    this.uiUrl = uiUrl;
  }

  /** Opens the run's event history and waits until every one of {@code expected} shows. */
  View history(String workflowId, String runId, String... expected) {
    browser
        .driver()
        .get(
            uiUrl
                + "/namespaces/default/workflows/"
                + URLEncoder.encode(workflowId, StandardCharsets.UTF_8)
                + "/"
                + runId
                + "/history");
    return awaitText("history", expected);
  }

  /**
   * Clicks the User Metadata tab and waits for its three markdown frames (summary, details, current
   * details) to show text.
   */
  Metadata userMetadata(String... expected) {
    click("user-metadata");
    View view = awaitText("user metadata", expected);
    List<String> frames = new ArrayList<>();
    browser
        .await()
        .withMessage("three rendered frames on the User Metadata tab")
        .until(
            driver -> {
              frames.clear();
              frames.addAll(frameTexts());
              return frames.size() == 3 && frames.stream().noneMatch(String::isBlank);
            });
    View withFrames =
        new View(view.name(), view.text() + "\n" + String.join("\n", frames), view.source());
    return new Metadata(withFrames, frames.get(0), frames.get(1), frames.get(2));
  }

  /** Clicks the Search Attributes tab and waits until every one of {@code expected} shows. */
  View searchAttributes(String... expected) {
    click("search-attributes");
    return awaitText("search attributes", expected);
  }

  void screenshot(Path file) {
    browser.screenshot(file);
  }

  private void click(String tab) {
    browser.driver().findElement(By.cssSelector("[data-testid=" + tab + "-tab]")).click();
  }

  /** Waits until the page's visible text holds all of {@code expected}; fails naming the rest. */
  private View awaitText(String name, String... expected) {
    ChromeDriver driver = browser.driver();
    try {
      browser.await().until(d -> missing(bodyText(), expected).isEmpty());
    } catch (TimeoutException e) {
      String text = bodyText();
      throw new AssertionError(
          name + " view never showed " + missing(text, expected) + "; it showed:\n" + text, e);
    }
    return new View(name, bodyText(), driver.getPageSource());
  }

  private String bodyText() {
    return browser.driver().findElement(By.tagName("body")).getText();
  }

  /** The UI renders summaries and details as markdown, each in a frame of its own. */
  private List<String> frameTexts() {
    ChromeDriver driver = browser.driver();
    List<String> texts = new ArrayList<>();
    for (WebElement frame : driver.findElements(By.cssSelector("iframe[title=output]"))) {
      driver.switchTo().frame(frame);
      try {
        texts.add(driver.findElement(By.tagName("body")).getText().strip());
      } finally {
        driver.switchTo().defaultContent();
      }
    }
    return texts;
  }

  private static List<String> missing(String text, String... expected) {
    return Arrays.stream(expected).filter(e -> !text.contains(e)).toList();
  }
}
