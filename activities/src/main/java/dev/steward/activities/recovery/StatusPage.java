package dev.steward.activities.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.activities.Secrets;
import dev.steward.workflows.host.ProviderStatus;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Reads an Atlassian Statuspage {@code status.json}: {@code {"status": {"indicator": "none" |
 * "minor" | "major" | "critical", "description": "..."}}}. A page that cannot be read is {@code
 * unknown}: recovery then treats the provider as healthy, so its own outage cannot stall a
 * rollback.
 */
final class StatusPage {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();

  private StatusPage() {}

  static ProviderStatus read(Secrets secrets, String reference) {
    String url;
    try {
      url = secrets.resolve(reference);
    } catch (ApplicationFailure e) {
      return new ProviderStatus("unknown", e.getOriginalMessage());
    }
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).build();
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        return new ProviderStatus("unknown", "status page answered " + response.statusCode());
      }
      JsonNode status = JSON.readTree(response.body()).path("status");
      String indicator = status.path("indicator").asText("unknown");
      return new ProviderStatus(
          indicator.isEmpty() ? "unknown" : indicator, status.path("description").asText(""));
    } catch (IOException | IllegalArgumentException e) {
      return new ProviderStatus(
          "unknown", "status page unreadable: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    }
  }
}
