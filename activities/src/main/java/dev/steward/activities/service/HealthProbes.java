package dev.steward.activities.service;

import dev.steward.activities.Secrets;
import dev.steward.activities.process.CommandResult;
import dev.steward.activities.process.Commands;
import dev.steward.workflows.host.TargetPlan.HealthPlan;
import io.temporal.activity.Activity;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The plan's health probes: an HTTP URL that must answer 2xx, a command that must exit 0. */
final class HealthProbes {
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

  private final Secrets secrets = Secrets.fromEnvironment();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(HTTP_TIMEOUT)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();

  /** Runs the configured probes; returns the first failure, or empty when all pass. */
  Optional<String> check(HealthPlan plan, Path checkout) {
    if (plan.http() != null && !plan.http().isBlank()) {
      Optional<String> failure = probeHttp(secrets.resolve(plan.http()), plan.http());
      if (failure.isPresent()) {
        return failure;
      }
    }
    if (plan.command() != null && !plan.command().isEmpty()) {
      return probeCommand(plan.command(), checkout);
    }
    return Optional.empty();
  }

  /** Probes {@code url}; failures name {@code shown}, so a token in a secret URL stays hidden. */
  private Optional<String> probeHttp(String url, String shown) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(HTTP_TIMEOUT).build();
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status / 100 == 2 ? Optional.empty() : Optional.of(shown + " answered " + status);
    } catch (HttpTimeoutException e) {
      return Optional.of(shown + " did not answer within " + HTTP_TIMEOUT.toSeconds() + " s");
    } catch (ConnectException e) {
      return Optional.of(shown + ": connection refused");
    } catch (IOException e) {
      return Optional.of(
          shown + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    } catch (IllegalArgumentException e) {
      return Optional.of(shown + " is not a valid URL");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    }
  }

  private static Optional<String> probeCommand(List<String> command, Path checkout) {
    CommandResult result = Commands.run(command, checkout, COMMAND_TIMEOUT);
    if (result.succeeded()) {
      return Optional.empty();
    }
    String how =
        result.timedOut()
            ? "timed out after " + COMMAND_TIMEOUT.toSeconds() + " s"
            : "exited " + result.exitCode();
    String last = result.tail(1).strip();
    return Optional.of(
        "health command `"
            + String.join(" ", command)
            + "` "
            + how
            + (last.isEmpty() ? "" : ": " + last));
  }
}
