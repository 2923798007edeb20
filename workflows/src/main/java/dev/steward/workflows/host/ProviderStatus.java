package dev.steward.workflows.host;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the model provider's Statuspage says.
 *
 * @param indicator {@code none}, {@code minor}, {@code major}, {@code critical}, or {@code unknown}
 *     when the page could not be read
 * @param description the page's own description, or why it could not be read
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProviderStatus(String indicator, String description) {

  /** Whether the provider is having an outage of its own (indicator major or critical). */
  public boolean atFault() {
    return "major".equals(indicator) || "critical".equals(indicator);
  }
}
