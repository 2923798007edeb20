package dev.steward.worker;

import dev.steward.activities.code.CodeActivitiesImpl;
import dev.steward.activities.disk.DiskActivitiesImpl;
import dev.steward.activities.fleet.FleetActivitiesImpl;
import dev.steward.activities.fleet.FleetSource;
import dev.steward.activities.hold.HoldActivitiesImpl;
import dev.steward.activities.monitor.MonitorActivitiesImpl;
import dev.steward.activities.notify.NotifyActivitiesImpl;
import dev.steward.activities.pipeline.PipelineActivitiesImpl;
import dev.steward.activities.recovery.RecoveryActivitiesImpl;
import dev.steward.activities.service.HealthProgressSignals;
import dev.steward.activities.service.ServiceActivitiesImpl;
import dev.steward.activities.snapshot.SnapshotActivitiesImpl;
import dev.steward.activities.stage.StageActivitiesImpl;
import dev.steward.activities.status.StatusActivitiesImpl;
import dev.steward.worker.boundary.HostBoundary;
import dev.steward.worker.config.ConfigFleets;
import dev.steward.worker.config.ConfigPlans;
import dev.steward.worker.config.StewardConfig;
import dev.steward.worker.logging.LogContextInterceptor;
import dev.steward.worker.pipeline.DeadAttempts;
import dev.steward.workflows.TaskQueues;
import dev.steward.workflows.fleet.FleetRolloutWorkflowImpl;
import dev.steward.workflows.monitor.MonitorWorkflowImpl;
import dev.steward.workflows.notify.NotifyWorkflowImpl;
import dev.steward.workflows.recovery.RecoveryWorkflowImpl;
import dev.steward.workflows.recovery.RestoreWorkflowImpl;
import dev.steward.workflows.update.UpdateWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one place where Steward's workflow and activity types are registered: workflows on the shared
 * queue, activities on this host's own queue.
 */
public final class StewardWorker {
  // Added by a test harness in the same JVM before the worker starts (the durability tests' fault
  // hook lives in test sources); the shipped CLI adds none.
  private static final List<WorkerInterceptor> testInterceptors = new CopyOnWriteArrayList<>();

  /**
   * Sized for a host with a few targets, not the SDK's defaults for a fleet's shared worker (600
   * cached runs, 5 pollers a queue): a host has a handful of runs at once (an update or a recovery
   * per target, its monitors), and a run that falls out of the cache is replayed, not lost. A
   * poller is a thread waiting on a long poll; two per queue keep one waiting while the other hands
   * over a task.
   */
  static final int WORKFLOW_CACHE = 64;

  static final int POLLERS = 2;

  private StewardWorker() {}

  /**
   * Creates and starts a worker for {@code host}.
   *
   * @param config reads the host's configuration; called at each run, so edits apply at the next
   */
  public static WorkerFactory start(
      WorkflowClient client, Supplier<StewardConfig> config, String host) {
    return start(client, config, host, new ConfigFleets(config));
  }

  /**
   * Creates and starts a worker for {@code host} whose rollouts resolve their fleets from {@code
   * fleets} instead of the host's config (tests give several hosts' fleets at once).
   */
  public static WorkerFactory start(
      WorkflowClient client, Supplier<StewardConfig> config, String host, FleetSource fleets) {
    WorkerFactory factory = WorkerFactory.newInstance(client, factoryOptions(config, host));
    // pid@host, as the SDK's default is pid@hostname, but with the host Steward serves: the next
    // worker of this host tells its dead predecessor's attempts by it (DeadAttempts).
    WorkerOptions options =
        WorkerOptions.newBuilder()
            .setIdentity(DeadAttempts.identity(host))
            .setMaxConcurrentWorkflowTaskPollers(POLLERS)
            .setMaxConcurrentActivityTaskPollers(POLLERS)
            .build();
    register(queue -> factory.newWorker(queue, options), client, config, host, fleets);
    factory.start();
    return factory;
  }

  /**
   * Registers Steward's types on the workers that {@code newWorker} makes for a task queue (a
   * factory's, or a test environment's).
   */
  public static void register(
      Function<String, Worker> newWorker,
      WorkflowClient client,
      Supplier<StewardConfig> config,
      String host) {
    register(newWorker, client, config, host, new ConfigFleets(config));
  }

  /** As {@link #register(Function, WorkflowClient, Supplier, String)}, with this host's fleets. */
  public static void register(
      Function<String, Worker> newWorker,
      WorkflowClient client,
      Supplier<StewardConfig> config,
      String host,
      FleetSource fleets) {
    Worker workflows = newWorker.apply(TaskQueues.WORKFLOWS);
    workflows.registerWorkflowImplementationTypes(
        UpdateWorkflowImpl.class,
        RecoveryWorkflowImpl.class,
        RestoreWorkflowImpl.class,
        MonitorWorkflowImpl.class,
        NotifyWorkflowImpl.class,
        FleetRolloutWorkflowImpl.class);
    Worker activities = newWorker.apply(TaskQueues.forHost(host));
    DiskActivitiesImpl disk = new DiskActivitiesImpl();
    CodeActivitiesImpl code = new CodeActivitiesImpl();
    SnapshotActivitiesImpl snapshots = new SnapshotActivitiesImpl();
    StatusActivitiesImpl status = new StatusActivitiesImpl();
    activities.registerActivitiesImplementations(
        new PipelineActivitiesImpl(new ConfigPlans(config), client),
        disk,
        code,
        snapshots,
        new ServiceActivitiesImpl(new HealthProgressSignals(client)),
        status,
        new StageActivitiesImpl(disk, code, snapshots, status),
        new HoldActivitiesImpl(),
        new NotifyActivitiesImpl(),
        new RecoveryActivitiesImpl(),
        new MonitorActivitiesImpl(),
        new FleetActivitiesImpl(fleets));
  }

  /**
   * Adds {@code interceptor} to every worker this JVM starts from now on, inside the host boundary.
   * For test harnesses only.
   */
  public static void addTestInterceptor(WorkerInterceptor interceptor) {
    testInterceptors.add(interceptor);
  }

  /**
   * Log lines that name their target and workflow, and the host boundary around every activity. The
   * SDK wraps each interceptor around those before it, so the boundary, last, checks an activity's
   * input before anything else sees it.
   */
  private static WorkerFactoryOptions factoryOptions(Supplier<StewardConfig> config, String host) {
    List<WorkerInterceptor> interceptors = new ArrayList<>(List.of(new LogContextInterceptor()));
    interceptors.addAll(testInterceptors);
    interceptors.add(new HostBoundary(config, host));
    return WorkerFactoryOptions.newBuilder()
        .setWorkflowCacheSize(WORKFLOW_CACHE)
        .setMaxWorkflowThreadCount(2 * WORKFLOW_CACHE)
        .setWorkerInterceptors(interceptors.toArray(WorkerInterceptor[]::new))
        .build();
  }
}
