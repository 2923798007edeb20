package dev.steward.worker.config;

import dev.steward.workflows.host.NotifyPlan;
import dev.steward.workflows.host.NotifyPlan.Channel;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code notify:} section: {@code onSuccess} and a list of channels, each one of {@code
 * webhook: URL}, {@code slack: URL}, {@code ntfy: URL} (with an optional {@code token}) or {@code
 * whatsapp: URL} (with its {@code chatId}).
 */
final class NotifySection {
  private static final List<String> TYPES =
      List.of(Channel.WEBHOOK, Channel.SLACK, Channel.NTFY, Channel.WHATSAPP);

  private NotifySection() {}

  static NotifyPlan read(ConfigNode node) {
    if (!node.present()) {
      return NotifyPlan.NONE;
    }
    ConfigMap notify =
        node.map("channels: [{slack: env:SLACK_WEBHOOK}]").allowOnly("onSuccess", "channels");
    boolean onSuccess = notify.has("onSuccess") && bool(notify.get("onSuccess"));
    List<Channel> channels = new ArrayList<>();
    if (notify.has("channels")) {
      for (ConfigNode item : notify.get("channels").items("[{slack: env:SLACK_WEBHOOK}]")) {
        channels.add(channel(item));
      }
    }
    return new NotifyPlan(onSuccess, channels);
  }

  private static Channel channel(ConfigNode item) {
    ConfigMap map =
        item.map("slack: env:SLACK_WEBHOOK")
            .allowOnly("webhook", "slack", "ntfy", "whatsapp", "token", "chatId");
    List<String> given = TYPES.stream().filter(map::has).toList();
    if (given.size() != 1) {
      throw item.error(
          given.isEmpty() ? "names no channel" : "names more than one channel: " + given,
          "give exactly one of webhook, slack, ntfy, whatsapp with its URL");
    }
    String type = given.get(0);
    String url = Urls.http(map.get(type), "https://example.com/hook");
    if (map.has("token") && !type.equals(Channel.NTFY)) {
      throw map.get("token").keyError("is only for ntfy", "put a token in the URL, or remove it");
    }
    if (type.equals(Channel.WHATSAPP) && !map.has("chatId")) {
      throw map.get("chatId")
          .missing("the WhatsApp bridge needs the chat, e.g. chatId: 447700900123@s.whatsapp.net");
    }
    if (map.has("chatId") && !type.equals(Channel.WHATSAPP)) {
      throw map.get("chatId").keyError("is only for whatsapp", "remove it");
    }
    String token = map.has("token") ? map.get("token").text("token: env:NTFY_TOKEN") : null;
    String chatId =
        map.has("chatId") ? map.get("chatId").text("chatId: 447700900123@s.whatsapp.net") : null;
    return new Channel(type, url, token, chatId);
  }

  private static boolean bool(ConfigNode node) {
    String text = node.text("onSuccess: true").trim();
    if (text.equals("true") || text.equals("false")) {
      return Boolean.parseBoolean(text);
    }
    throw node.error(ConfigNode.quote(text) + " is not true or false", "write onSuccess: true");
  }
}
