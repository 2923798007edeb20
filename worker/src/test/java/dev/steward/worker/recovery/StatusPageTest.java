package dev.steward.worker.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.steward.activities.recovery.RecoveryActivitiesImpl;
import dev.steward.worker.HttpReceiver;
import dev.steward.workflows.host.ProviderStatus;
import dev.steward.workflows.host.RecoveryPlan;
import dev.steward.workflows.host.TargetPlan;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The provider's Statuspage, served for real on loopback, read by the recovery activity. */
class StatusPageTest {
  private HttpReceiver http;

  @BeforeEach
  void start() throws Exception {
    http = HttpReceiver.start();
  }

  @AfterEach
  void stop() {
    http.close();
  }

  @ParameterizedTest(name = "indicator {0}: provider at fault = {1}")
  @CsvSource({"none,false", "minor,false", "major,true", "critical,true"})
  void reads_each_indicator_and_blames_the_provider_only_for_major_and_critical(
      String indicator, boolean atFault) {
    http.statusPage("/api/v2/status.json", indicator);

    ProviderStatus status =
        new RecoveryActivitiesImpl().checkProvider(plan(http.url("/api/v2/status.json")));

    assertEquals(indicator, status.indicator());
    assertEquals(atFault, status.atFault());
    assertEquals("indicator " + indicator, status.description());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"a page that answers 503,/down", "a page that is not JSON,/html"})
  void an_unreadable_status_page_is_unknown_and_never_blames_the_provider(
      String what, String path) {
    http.answer("/down", 503, "").answer("/html", 200, "<html>maintenance</html>");

    ProviderStatus status = new RecoveryActivitiesImpl().checkProvider(plan(http.url(path)));

    assertEquals("unknown", status.indicator(), what);
    assertEquals(false, status.atFault());
  }

  private static TargetPlan plan(String statusUrl) {
    return new TargetPlan(
        "demo",
        "h",
        "/tmp",
        "/tmp",
        null,
        null,
        0,
        null,
        List.of(),
        null,
        null,
        new RecoveryPlan(statusUrl, 60_000, List.of()),
        null,
        null);
  }
}
