package dev.steward.worker;

import dev.steward.worker.config.ConfigLoader;
import dev.steward.workflows.StewardSearchAttributes;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Path;

/** What a test's Temporal server needs before Steward's runs can start on it. */
public final class StewardTestServers {
  private StewardTestServers() {}

  /**
   * Temporal's test server with Steward's search attributes registered.
   *
   * @param timeSkipping whether workflow timers pass at once; off where real processes take time
   */
  public static TestWorkflowEnvironment newEnvironment(boolean timeSkipping) {
    TestWorkflowEnvironment env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(timeSkipping).build());
    registerSearchAttributes(env);
    return env;
  }

  /** A running worker for {@code host} that reads {@code config} afresh for each run's plan. */
  public static WorkerFactory startWorker(TestWorkflowEnvironment env, Path config, String host) {
    return StewardWorker.start(
        env.getWorkflowClient(), () -> ConfigLoader.forThisMachine().load(config), host);
  }

  /** Registers Steward's search attributes, as {@code steward setup} does on a real server. */
  public static void registerSearchAttributes(TestWorkflowEnvironment env) {
    for (var key : StewardSearchAttributes.ALL) {
      env.registerSearchAttribute(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    }
  }
}
