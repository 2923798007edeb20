package dev.steward.workflows.host;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Where a target's notifications go.
 *
 * @param onSuccess whether a successful update is announced too (rollbacks, failures and alerts
 *     always are)
 * @param channels the channels, each sent to on its own
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NotifyPlan(boolean onSuccess, List<Channel> channels) {
  /** No channels. */
  public static final NotifyPlan NONE = new NotifyPlan(false, List.of());

  public NotifyPlan {
    channels = channels == null ? List.of() : List.copyOf(channels);
  }

  /**
   * One notification channel. URLs and tokens may be secret references ({@code env:NAME}, {@code
   * file:PATH}); only the activity that sends resolves them.
   *
   * @param type {@code webhook} (generic JSON), {@code slack} (incoming webhook), {@code ntfy}
   *     (topic URL) or {@code whatsapp} (the Hermes WhatsApp bridge's {@code /send})
   * @param url where to POST
   * @param token a bearer token (ntfy), or null
   * @param chatId the WhatsApp chat (whatsapp), or null
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Channel(String type, String url, String token, String chatId) {
    public static final String WEBHOOK = "webhook";
    public static final String SLACK = "slack";
    public static final String NTFY = "ntfy";
    public static final String WHATSAPP = "whatsapp";

    /** A name for people that never shows a secret: the type and, for plain URLs, the host. */
    public String describe() {
      if (url == null || url.startsWith("env:") || url.startsWith("file:")) {
        return type + " (" + url + ")";
      }
      int start = url.indexOf("://");
      String rest = start < 0 ? url : url.substring(start + 3);
      int end = rest.indexOf('/');
      return type + " (" + (end < 0 ? rest : rest.substring(0, end)) + ")";
    }
  }
}
