package dev.steward.worker.init;

import java.util.Map;
import java.util.Optional;

/**
 * The Statuspage {@code status.json} of the model providers whose page is known, by the name Hermes
 * gives them in {@code config.yaml} ({@code model.provider}). Recovery reads it to tell a
 * provider's outage (wait, never roll back) from Hermes's own failure.
 */
public final class ProviderStatusPages {
  private static final Map<String, String> PAGES =
      Map.of(
          "anthropic", "https://status.anthropic.com/api/v2/status.json",
          "openai", "https://status.openai.com/api/v2/status.json",
          "openai-codex", "https://status.openai.com/api/v2/status.json",
          "codex", "https://status.openai.com/api/v2/status.json");

  private ProviderStatusPages() {}

  /** The page of {@code provider}, when it is one of the known ones. */
  public static Optional<String> of(String provider) {
    return Optional.ofNullable(PAGES.get(provider.strip().toLowerCase(java.util.Locale.ROOT)));
  }
}
