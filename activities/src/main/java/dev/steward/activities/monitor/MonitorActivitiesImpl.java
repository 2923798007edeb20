package dev.steward.activities.monitor;

import dev.steward.activities.Secrets;
import dev.steward.workflows.host.FailureTypes;
import dev.steward.workflows.host.Measurement;
import dev.steward.workflows.host.MonitorActivities;
import dev.steward.workflows.host.TargetPlan;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** Measures the field guide's five metrics on this host, and pings the dead man's switch. */
public final class MonitorActivitiesImpl implements MonitorActivities {
  private static final Duration PING_TIMEOUT = Duration.ofSeconds(5);

  private final Secrets secrets;
  private final Clock clock;
  private final ZoneId logZone;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(PING_TIMEOUT)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();

  public MonitorActivitiesImpl() {
    this(Secrets.fromEnvironment(), Clock.systemUTC(), ZoneId.systemDefault());
  }

  /**
   * @param logZone the zone the agent's log stamps are in (Hermes logs local time)
   */
  public MonitorActivitiesImpl(Secrets secrets, Clock clock, ZoneId logZone) {
    this.secrets = secrets;
    this.clock = clock;
    this.logZone = logZone;
  }

  @Override
  public Measurement measure(TargetPlan plan) {
    Metrics metrics = new Metrics(plan, clock, logZone);
    return new Measurement(
        clock.instant().toString(),
        List.of(
            metrics.up(),
            metrics.disk(),
            metrics.memory(),
            metrics.errors(),
            metrics.lastUpdate()));
  }

  @Override
  public void pingHeartbeat(TargetPlan plan, boolean healthy) {
    String reference = plan.monitor().heartbeatUrl();
    if (reference == null) {
      return;
    }
    String base = secrets.resolve(reference);
    String url = healthy ? base : base.replaceAll("/+$", "") + "/fail";
    // A ping URL is a secret of sorts (whoever has it can ping): messages show only its host.
    String shown = "heartbeat " + shownUrl(reference) + (healthy ? "" : " (/fail)");
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(PING_TIMEOUT)
              .POST(
                  HttpRequest.BodyPublishers.ofString(plan.target() + (healthy ? " up" : " down")))
              .build();
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status / 100 != 2) {
        throw ApplicationFailure.newFailure(
            shown + " answered " + status, FailureTypes.COMMAND_FAILED);
      }
    } catch (IOException e) {
      throw ApplicationFailure.newFailure(
          shown + " did not answer: " + e.getClass().getSimpleName(), FailureTypes.COMMAND_FAILED);
    } catch (IllegalArgumentException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          shown + " is not a valid URL", FailureTypes.CONFIG_INVALID);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    }
  }

  private static String shownUrl(String reference) {
    if (reference.startsWith("env:") || reference.startsWith("file:")) {
      return reference;
    }
    try {
      return URI.create(reference).getHost();
    } catch (IllegalArgumentException e) {
      return "(invalid URL)";
    }
  }
}
