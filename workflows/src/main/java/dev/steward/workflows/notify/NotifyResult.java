package dev.steward.workflows.notify;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Which channels took the notice.
 *
 * @param sent the channels that answered, described without secrets
 * @param failed the channels that still failed after every retry, each with its last error
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NotifyResult(List<String> sent, List<String> failed) {}
