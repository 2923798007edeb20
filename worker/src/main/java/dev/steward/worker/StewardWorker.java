package dev.steward.worker;

import dev.steward.activities.code.CodeActivitiesImpl;
import dev.steward.activities.disk.DiskActivitiesImpl;
import dev.steward.activities.service.ServiceActivitiesImpl;
import dev.steward.activities.snapshot.SnapshotActivitiesImpl;
import dev.steward.activities.status.StatusActivitiesImpl;
import dev.steward.worker.config.StewardConfig;
import dev.steward.worker.faults.FaultInjector;
import dev.steward.worker.faults.FaultPlan;
import dev.steward.worker.pipeline.PipelineActivitiesImpl;
import dev.steward.workflows.TaskQueues;
import dev.steward.workflows.update.UpdateWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import java.util.function.Supplier;

/**
 * The one place where Steward's workflow and activity types are registered: workflows on the shared
 * queue, activities on this host's own queue.
 */
public final class StewardWorker {
  private StewardWorker() {}

  /**
   * Creates and starts a worker for {@code host}.
   *
   * @param config reads the host's configuration; called at each run, so edits apply at the next
   */
  public static WorkerFactory start(
      WorkflowClient client, Supplier<StewardConfig> config, String host) {
    WorkerFactory factory = WorkerFactory.newInstance(client, factoryOptions());
    Worker workflows = factory.newWorker(TaskQueues.WORKFLOWS);
    workflows.registerWorkflowImplementationTypes(UpdateWorkflowImpl.class);
    Worker activities = factory.newWorker(TaskQueues.forHost(host));
    activities.registerActivitiesImplementations(
        new PipelineActivitiesImpl(config, client),
        new DiskActivitiesImpl(),
        new CodeActivitiesImpl(),
        new SnapshotActivitiesImpl(),
        new ServiceActivitiesImpl(),
        new StatusActivitiesImpl());
    factory.start();
    return factory;
  }

  /** Default options, plus the durability tests' fault hook when its variable is set. */
  private static WorkerFactoryOptions factoryOptions() {
    WorkerFactoryOptions.Builder options = WorkerFactoryOptions.newBuilder();
    FaultPlan.fromEnvironment(System.getenv())
        .ifPresent(
            plan -> {
              System.err.println(
                  "steward: WARNING: test fault injection is on ("
                      + FaultPlan.FAULTS_ENV
                      + "); never set it outside tests");
              options.setWorkerInterceptors(new FaultInjector(plan));
            });
    return options.build();
  }
}
