package dev.steward.cli.durability;

import dev.steward.cli.Steward;
import dev.steward.worker.StewardWorker;
import dev.steward.worker.faults.FaultInjector;
import dev.steward.worker.faults.FaultPlan;

/**
 * {@code steward} as the durability tests start it: the shipped command line, plus the fault hook
 * when {@code STEWARD_TEST_FAULTS} asks for faults. The hook lives in test sources only, so the
 * released jar has no way to inject faults.
 */
public final class FaultyStewardMain {
  private FaultyStewardMain() {}

  public static void main(String[] args) {
    FaultPlan.fromEnvironment(System.getenv())
        .ifPresent(
            plan -> {
              System.err.println(
                  "steward: test fault injection is on (" + FaultPlan.FAULTS_ENV + ")");
              StewardWorker.addTestInterceptor(new FaultInjector(plan));
            });
    Steward.main(args);
  }
}
