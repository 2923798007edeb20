package dev.steward.activities.notify;

import dev.steward.activities.Secrets;
import dev.steward.workflows.host.FailureTypes;
import dev.steward.workflows.host.Notice;
import dev.steward.workflows.host.NotifyActivities;
import dev.steward.workflows.host.NotifyPlan.Channel;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Posts notices to webhooks, Slack, ntfy and the Hermes WhatsApp bridge. Secret references are
 * resolved here, at use; errors name the channel by its type and host only, never its URL.
 */
public final class NotifyActivitiesImpl implements NotifyActivities {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final Secrets secrets;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();

  public NotifyActivitiesImpl() {
    this(Secrets.fromEnvironment());
  }

  public NotifyActivitiesImpl(Secrets secrets) {
    this.secrets = secrets;
  }

  @Override
  public void sendNotice(Channel channel, Notice notice) {
    HttpRequest request = NoticePayloads.request(channel, notice, secrets).timeout(TIMEOUT).build();
    int status;
    try {
      status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw ApplicationFailure.newFailure(
          channel.describe() + " did not answer: " + e.getClass().getSimpleName(),
          FailureTypes.COMMAND_FAILED);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    }
    if (status / 100 != 2) {
      throw ApplicationFailure.newFailure(
          channel.describe() + " answered HTTP " + status, FailureTypes.COMMAND_FAILED);
    }
  }

  /** The URL a channel posts to, checked, for {@link NoticePayloads}. */
  static URI uri(Channel channel, Secrets secrets) {
    try {
      URI uri = URI.create(secrets.resolve(channel.url()));
      if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
        throw new IllegalArgumentException();
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          channel.describe() + ": the URL is not an http(s) URL", FailureTypes.CONFIG_INVALID);
    }
  }
}
