package dev.steward.worker;

import dev.steward.workflows.StewardSearchAttributes;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.testing.TestWorkflowEnvironment;

/** What a test's Temporal server needs before Steward's runs can start on it. */
public final class StewardTestServers {
  private StewardTestServers() {}

  /** Registers Steward's search attributes, as {@code steward setup} does on a real server. */
  public static void registerSearchAttributes(TestWorkflowEnvironment env) {
    for (var key : StewardSearchAttributes.ALL) {
      env.registerSearchAttribute(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    }
  }
}
