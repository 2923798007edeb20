package dev.steward.cli.durability;

import dev.steward.worker.Await;
import dev.steward.worker.Pipelines;
import dev.steward.worker.TemporalConnection;
import dev.steward.worker.config.TemporalSettings;
import dev.steward.worker.faults.FaultPlan;
import dev.steward.workflows.recovery.RecoveryResult;
import dev.steward.workflows.update.UpdateResult;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One worker lineage on its own namespace of the dev server, serving many targets at once: a first
 * worker with the fault hook, killed once every case has reached its fault (kill and reboot waves),
 * then a clean worker started after {@link #RESTART_DELAY}. One kill thus interrupts every case of
 * the wave at its own step, with two worker processes instead of two per case.
 */
final class Wave {
  /** How long the host is without a worker after a kill: the "comes back after a delay". */
  static final Duration RESTART_DELAY = Duration.ofSeconds(2);

  private static final Duration PATIENCE = Duration.ofMinutes(4);

  /**
   * Every process of every wave starts at once on a small machine: a JVM's first call to the server
   * can then take far longer than a user's default of 10 s.
   */
  private static final Duration CONNECT_TIMEOUT = Duration.ofMinutes(1);

  final String name;
  final Fault kill; // KILL_DURING, KILL_AFTER, REBOOT, or null: no kill
  final List<MatrixCase> cases = new ArrayList<>();
  private final Path dir;
  private final String serverAddress;
  private final List<StewardProcess> workers = new ArrayList<>();
  Instant killedAt;
  private final Instant created = Instant.now();

  Wave(String name, Fault kill, Path dir, String serverAddress) {
    this.name = name;
    this.kill = kill;
    this.dir = dir;
    this.serverAddress = serverAddress;
  }

  Path config() {
    return dir.resolve("steward.yaml");
  }

  Path markers() {
    return dir.resolve("markers");
  }

  /** Runs every case to its end and checks the world. */
  void run() throws Exception {
    prepareTargets();
    log(cases.size() + " targets ready");
    writeConfig();
    workers.add(startWorker("worker-1", faultSpec()));
    try (TemporalConnection connection =
        TemporalConnection.connect(
            new TemporalSettings(serverAddress, name, null, null, CONNECT_TIMEOUT))) {
      WorkflowClient client = connection.client();
      for (MatrixCase c : cases) {
        if (!holdsUpdateCommand(c)) {
          c.releaseUpdate(); // Only the case killed during the update holds its command.
        }
      }
      if (kill == null) {
        cases.forEach(c -> start(client, c));
      } else {
        startAndAwaitFaults(client);
        log("every case at its fault (or reported as never reaching it); killing worker-1");
        interrupt();
        log("worker-2 up");
      }
      List<MatrixCase> started = cases.stream().filter(c -> c.workflowId != null).toList();
      for (MatrixCase c : started) {
        awaitResult(client, c);
        if (c.viaCli) {
          follow(c);
        }
      }
      log("every run ended");
      for (MatrixCase c : started) {
        c.resumeSeconds = resumeSeconds(client, c);
        c.runSeconds = runSeconds(client, c);
        c.check();
      }
    }
  }

  /** Creates the cases' targets a few at a time: mostly git and process start-up latency. */
  private void prepareTargets() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<Void>> prepared = new ArrayList<>();
      for (MatrixCase c : cases) {
        prepared.add(
            pool.submit(
                () -> {
                  c.prepare();
                  return null;
                }));
      }
      for (Future<Void> done : prepared) {
        done.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The workers this wave started; the first survives every fault in a wave without kills. */
  List<StewardProcess> workers() {
    return workers;
  }

  void cleanUp() {
    workers.forEach(StewardProcess::close);
    cases.forEach(MatrixCase::cleanUp);
  }

  private void startAndAwaitFaults(WorkflowClient client) {
    for (int startGroup = 0; startGroup <= 3; startGroup++) {
      int current = startGroup;
      List<MatrixCase> group = cases.stream().filter(c -> c.step.startGroup() == current).toList();
      group.forEach(c -> start(client, c));
      for (MatrixCase c : group.stream().filter(c -> c.workflowId != null).toList()) {
        awaitFault(client, c);
      }
      log("start group " + current + ": " + group.size() + " case(s) done waiting for their fault");
    }
  }

  /** Waits for the case's fault; one that can never be reached becomes its problem at once. */
  private void awaitFault(WorkflowClient client, MatrixCase c) {
    Path marker = faultReached(c);
    String missed =
        MissedFault.await(
            client, c, () -> Files.exists(marker), kill == Fault.KILL_AFTER, PATIENCE);
    if (!missed.isEmpty()) {
      log(c.id + " never reached its fault: " + missed);
    }
  }

  /** SIGKILLs the first worker (and on a reboot every process of the targets), then restarts. */
  private void interrupt() throws IOException {
    workers.get(0).kill();
    if (kill == Fault.REBOOT) {
      cases.forEach(MatrixCase::killProcessesUnder);
    }
    killedAt = Instant.now();
    cases.forEach(c -> c.faultAt = killedAt);
    Await.pause(RESTART_DELAY);
    workers.add(startWorker("worker-2", null));
    Instant back = Instant.now();
    cases.forEach(c -> c.workerBackAt = back);
    for (MatrixCase c : cases) {
      c.releaseUpdate();
    }
  }

  private boolean holdsUpdateCommand(MatrixCase c) {
    return c.step == Step.UPDATE && (kill == Fault.KILL_DURING || kill == Fault.REBOOT);
  }

  private Path faultReached(MatrixCase c) {
    if (holdsUpdateCommand(c)) {
      return c.moved(); // Real means: the update command itself is running, held by the test.
    }
    return markers().resolve(c.id + (kill == Fault.KILL_AFTER ? ".held" : ".reached"));
  }

  private String faultSpec() {
    return cases.stream()
        .filter(c -> c.realScript == null)
        .filter(c -> !holdsUpdateCommand(c))
        .map(c -> c.id + ":" + c.step.at(hookKind(c.fault)))
        .collect(Collectors.joining(";"));
  }

  private static String hookKind(Fault fault) {
    return switch (fault) {
      case KILL_DURING, REBOOT -> "hold";
      case KILL_AFTER -> "hold-after";
      default -> fault.name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private StewardProcess startWorker(String worker, String faults) {
    Map<String, String> env =
        faults == null || faults.isEmpty()
            ? Map.of()
            : Map.of(FaultPlan.FAULTS_ENV, faults, FaultPlan.DIR_ENV, markers().toString());
    // A generous wait for the server: on a loaded machine the first connection can be slow.
    return StewardProcess.start(
            logs(), worker, env, "-c", config().toString(), "worker", "--wait-for-server", "60")
        .awaitOutput("steward worker for host", PATIENCE);
  }

  private void start(WorkflowClient client, MatrixCase c) {
    if (c.viaCli) {
      startViaCli(c);
      return;
    }
    Object run =
        c.step instanceof RecoveryStep
            ? Pipelines.startRecovery(client, c.id, host(), Clock.systemUTC())
            : Pipelines.startUpdate(client, c.id, host(), Clock.systemUTC());
    c.workflowId = WorkflowStub.fromTyped(run).getExecution().getWorkflowId();
  }

  /** {@code steward update|recover TARGET --detach} as a process: prints the id, exits 0. */
  private void startViaCli(MatrixCase c) {
    String command = c.step.pipeline();
    StewardProcess detach =
        StewardProcess.start(
            logs(),
            c.id + "-detach",
            Map.of(),
            "-c",
            config().toString(),
            command,
            c.id,
            "--detach");
    int exit = detach.exitCode(PATIENCE);
    String printed = detach.stdout().strip();
    if (exit == 0 && printed.startsWith(command + "/" + c.id + "/")) {
      c.workflowId = printed;
    } else {
      c.problems.add(command + " --detach: exit " + exit + ", printed " + detach);
    }
  }

  /** {@code steward follow ID} as a process: the run's steps and its command's exit code. */
  private void follow(MatrixCase c) {
    StewardProcess follow =
        StewardProcess.start(
            logs(), c.id + "-follow", Map.of(), "-c", config().toString(), "follow", c.workflowId);
    int exit = follow.exitCode(PATIENCE);
    if (exit != c.cliExit || !follow.stdout().contains(c.expect.outcome() + ": " + c.id)) {
      c.problems.add("follow: want exit " + c.cliExit + ", got " + exit + ": " + follow);
    }
  }

  private void awaitResult(WorkflowClient client, MatrixCase c) {
    WorkflowStub run = client.newUntypedWorkflowStub(c.workflowId);
    try {
      if (c.step instanceof RecoveryStep) {
        RecoveryResult result =
            run.getResult(PATIENCE.toMillis(), TimeUnit.MILLISECONDS, RecoveryResult.class);
        c.outcome = result.outcome().wire();
        c.message = result.message();
      } else {
        UpdateResult result =
            run.getResult(PATIENCE.toMillis(), TimeUnit.MILLISECONDS, UpdateResult.class);
        c.outcome = result.outcome().wire();
        c.message = result.message();
      }
    } catch (WorkflowFailedException refused) {
      c.outcome = "refused";
      c.message = String.valueOf(refused.getCause().getMessage());
    } catch (java.util.concurrent.TimeoutException e) {
      c.outcome = "(still running after " + PATIENCE.toMinutes() + " min)";
    }
  }

  /**
   * Seconds from the fault (the kill, or the hook's marker) to the run's next completed activity:
   * how long the pipeline stood still.
   */
  private Double resumeSeconds(WorkflowClient client, MatrixCase c) throws IOException {
    Instant from = c.faultAt != null ? c.faultAt : markerTime(c);
    if (from == null) {
      return null;
    }
    for (HistoryEvent event : client.fetchHistory(c.workflowId).getEvents()) {
      Instant at = timeOf(event);
      if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED
          && at.isAfter(from)) {
        return Duration.between(from, at).toMillis() / 1000.0;
      }
    }
    return null;
  }

  /** Seconds from the run's first event to its last. */
  private static double runSeconds(WorkflowClient client, MatrixCase c) {
    List<HistoryEvent> events = client.fetchHistory(c.workflowId).getEvents();
    return Duration.between(timeOf(events.get(0)), timeOf(events.get(events.size() - 1))).toMillis()
        / 1000.0;
  }

  private static Instant timeOf(HistoryEvent event) {
    return Instant.ofEpochSecond(
        event.getEventTime().getSeconds(), event.getEventTime().getNanos());
  }

  private Instant markerTime(MatrixCase c) throws IOException {
    for (String event : new String[] {"hung", "crashed"}) {
      Path marker = markers().resolve(c.id + "." + event);
      if (Files.exists(marker)) {
        return Files.getLastModifiedTime(marker).toInstant();
      }
    }
    return null;
  }

  /** Process output, kept under target/ for a look after a failed run. */
  private Path logs() {
    return Path.of("target", "durability-logs", name);
  }

  /** Prints progress for whoever watches the build. */
  void log(String what) {
    System.out.printf(
        "[matrix %s +%ds] %s%n", name, Duration.between(created, Instant.now()).toSeconds(), what);
  }

  String host() {
    return "host-" + name;
  }

  private void writeConfig() throws IOException {
    StringBuilder yaml =
        new StringBuilder("temporal:\n  address: ")
            .append(serverAddress)
            .append("\n  namespace: ")
            .append(name)
            .append("\n  connectTimeout: ")
            .append(CONNECT_TIMEOUT.toSeconds())
            .append("s")
            .append("\nhost: ")
            .append(host())
            .append("\ntargets:\n");
    for (MatrixCase c : cases) {
      yaml.append(c.configBlock());
    }
    Files.createDirectories(dir);
    Files.writeString(config(), yaml.toString());
  }
}
