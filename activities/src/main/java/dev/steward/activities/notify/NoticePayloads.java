package dev.steward.activities.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.activities.Secrets;
import dev.steward.workflows.host.FailureTypes;
import dev.steward.workflows.host.Notice;
import dev.steward.workflows.host.NotifyPlan.Channel;
import io.temporal.failure.ApplicationFailure;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The HTTP request each kind of channel expects for a notice. */
final class NoticePayloads {
  /** Chat messages carry only the end of long evidence. */
  private static final int EVIDENCE_CHARS = 2_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private NoticePayloads() {}

  /** The request for {@code channel}, without its timeout. */
  static HttpRequest.Builder request(Channel channel, Notice notice, Secrets secrets) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(NotifyActivitiesImpl.uri(channel, secrets));
    return switch (channel.type()) {
      case Channel.WEBHOOK -> json(builder, notice);
      case Channel.SLACK -> json(builder, Map.of("text", slackText(notice)));
      case Channel.WHATSAPP -> json(builder, whatsapp(channel, notice, secrets));
      case Channel.NTFY -> ntfy(builder, channel, notice, secrets);
      default ->
          throw ApplicationFailure.newNonRetryableFailure(
              "unknown channel type " + channel.type(), FailureTypes.CONFIG_INVALID);
    };
  }

  private static HttpRequest.Builder json(HttpRequest.Builder builder, Object body) {
    try {
      byte[] bytes = JSON.writeValueAsBytes(body);
      return builder
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> whatsapp(Channel channel, Notice notice, Secrets secrets) {
    if (channel.chatId() == null) {
      throw ApplicationFailure.newNonRetryableFailure(
          channel.describe() + ": no chatId configured", FailureTypes.CONFIG_INVALID);
    }
    Map<String, String> body = new LinkedHashMap<>();
    body.put("chatId", secrets.resolve(channel.chatId()));
    body.put("message", plainText(notice));
    return body;
  }

  private static HttpRequest.Builder ntfy(
      HttpRequest.Builder builder, Channel channel, Notice notice, Secrets secrets) {
    builder
        .header("Title", notice.title())
        .header("Priority", priority(notice.severity()))
        .header("Tags", notice.severity() + ",steward")
        .POST(HttpRequest.BodyPublishers.ofString(bodyText(notice), StandardCharsets.UTF_8));
    if (channel.token() != null) {
      builder.header("Authorization", "Bearer " + secrets.resolve(channel.token()));
    }
    return builder;
  }

  private static String priority(String severity) {
    return switch (severity) {
      case Notice.CRITICAL -> "urgent";
      case Notice.WARNING -> "high";
      default -> "default";
    };
  }

  private static String slackText(Notice notice) {
    String text =
        "*["
            + notice.severity().toUpperCase(Locale.ROOT)
            + "] "
            + notice.title()
            + "*\n"
            + notice.message();
    String evidence = evidenceTail(notice);
    return evidence.isEmpty() ? text : text + "\n```" + evidence + "```";
  }

  private static String plainText(Notice notice) {
    return "["
        + notice.severity().toUpperCase(Locale.ROOT)
        + "] "
        + notice.title()
        + "\n"
        + bodyText(notice);
  }

  private static String bodyText(Notice notice) {
    String evidence = evidenceTail(notice);
    return evidence.isEmpty() ? notice.message() : notice.message() + "\n\n" + evidence;
  }

  private static String evidenceTail(Notice notice) {
    String evidence = notice.evidence() == null ? "" : notice.evidence().strip();
    return evidence.length() <= EVIDENCE_CHARS
        ? evidence
        : "…" + evidence.substring(evidence.length() - EVIDENCE_CHARS);
  }
}
