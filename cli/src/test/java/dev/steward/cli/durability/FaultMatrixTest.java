package dev.steward.cli.durability;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability promise across real process deaths: a {@code steward server --dev} process, {@code
 * steward worker} processes (SIGKILLed and restarted), CLI processes, and real targets (git
 * checkout, state directory, python service). Every step of the update pipeline and of the recovery
 * workflow meets a worker SIGKILL during it; the other faults meet a representative set of steps
 * (RecoveryCases holds the recovery's); the world is checked after each run. Writes the matrix to
 * {@code target/durability-matrix.md}, and into docs/durability.md when {@code
 * -Dsteward.matrixDoc=../docs/durability.md} is given.
 */
class FaultMatrixTest {
  private static final List<Step> MAIN =
      List.of(Step.values()).stream().filter(s -> !s.inRollback()).toList();
  private static final List<Step> ROLLBACK =
      List.of(Step.values()).stream().filter(Step::inRollback).toList();

  /** A representative set for the faults that need no kill (the kills meet every step). */
  private static final List<Step> FAILING_STEPS =
      List.of(
          Step.LOCK,
          Step.DISK,
          Step.SNAPSHOT,
          Step.UPDATE,
          Step.HEALTH,
          Step.FINISH,
          Step.PRE_RESTORE,
          Step.ROLLBACK_CODE,
          Step.ROLLBACK_DATA,
          Step.ROLLBACK_HEALTH);

  private static final List<Step> SOME_ROLLBACK =
      List.of(Step.PRE_RESTORE, Step.ROLLBACK_DATA, Step.ROLLBACK_START, Step.ROLLBACK_HEALTH);

  @TempDir Path tmp;

  /**
   * Runs the waves side by side (their cases in parallel, as one kill meets a whole wave), then
   * gives each case its own test with its verdict, so a failure names its case.
   */
  @TestFactory
  Stream<DynamicTest> every_fault_at_every_step_ends_updated_or_rolled_back_or_reported()
      throws Exception {
    Instant began = Instant.now();
    List<Wave> waves = new ArrayList<>();
    Map<String, Throwable> broken = new ConcurrentHashMap<>();
    try (StewardProcess server =
        StewardProcess.start(
                Path.of("target", "durability-logs"),
                "server",
                Map.of(),
                "server",
                "--dev",
                "--port",
                "0")
            .awaitOutput("listening on", Duration.ofMinutes(2))) {
      String address = server.stdout().lines().findFirst().orElseThrow().replaceAll(".* ", "");
      assertTrue(server.stderr().contains("keeps everything in memory"), server.toString());
      try {
        List<Callable<Wave>> builders = new ArrayList<>();
        builders.add(() -> faultWave(address));
        for (Fault kill : List.of(Fault.KILL_DURING, Fault.KILL_AFTER, Fault.REBOOT)) {
          builders.add(() -> killWave(kill, address));
        }
        runAll(builders, waves, broken);
      } finally {
        waves.forEach(Wave::cleanUp);
      }
    }
    List<MatrixCase> cases = cases(waves);
    // Written even when a wave failed: the table shows how far each case got.
    MatrixReport report = new MatrixReport(cases, Duration.between(began, Instant.now()));
    report.write(Path.of("target", "durability-matrix.md"));
    String doc = System.getProperty("steward.matrixDoc");
    if (doc != null && !doc.isBlank() && broken.isEmpty()) {
      report.write(Path.of(doc));
    }
    Stream<DynamicTest> waveTests =
        broken.entrySet().stream()
            .map(
                e ->
                    dynamicTest(
                        "wave " + e.getKey() + " ran to its end",
                        () -> fail("wave " + e.getKey() + " broke off", e.getValue())));
    Stream<DynamicTest> caseTests =
        cases.stream()
            .map(
                c ->
                    dynamicTest(
                        c.id + ": " + c.label + " ends " + c.expect.outcome(),
                        () ->
                            assertTrue(
                                c.problems.isEmpty(),
                                () ->
                                    c.id
                                        + " ("
                                        + c.label
                                        + "): "
                                        + String.join("; ", c.problems))));
    return Stream.concat(waveTests, caseTests);
  }

  /** Faults that do not kill the worker: one worker process serves them all and survives them. */
  private Wave faultWave(String address) throws Exception {
    Wave wave = new Wave("faults", null, tmp.resolve("faults"), address);
    for (Step step : FAILING_STEPS) {
      add(wave, Fault.FAIL, step, failExpectation(step), null);
    }
    for (Step step : List.of(Step.PLAN, Step.SNAPSHOT, Step.HEALTH)) {
      add(wave, Fault.HANG, step, Expect.updated(), null);
    }
    add(wave, Fault.CRASH, Step.UPDATE, Expect.updated(), null);
    MatrixCase slow = add(wave, Fault.HANG, Step.UPDATE, Expect.rolledBack(1), "sleep 600");
    slow.updateTimeout = "3s";
    slow.label = "update command hangs past update.timeout (3s)";
    MatrixCase hermes =
        add(
            wave,
            Fault.REAL,
            Step.UPDATE,
            Expect.rolledBack(1),
            "git fetch -q origin && git reset -q --hard origin/main\n"
                + "echo 'pip install failed' >&2; exit 1");
    hermes.label = "hermes trap: update moves the code, then fails (exit 1)";
    hermes.viaCli = true;
    hermes.cliExit = 3;
    for (Fault fault : List.of(Fault.FAIL, Fault.HANG)) {
      RecoveryCases.faults(fault).forEach((step, expect) -> add(wave, fault, step, expect, null));
    }
    // steward recover --detach, then steward follow: exit 4, the target could not be saved.
    MatrixCase unsaved =
        wave.cases.stream()
            .filter(c -> c.id.equals("fail-recover-find-snapshot"))
            .findFirst()
            .orElseThrow();
    unsaved.viaCli = true;
    unsaved.cliExit = 4;
    return wave;
  }

  /** Every step, killed at once by one SIGKILL of the wave's first worker. */
  private Wave killWave(Fault kill, String address) throws Exception {
    Wave wave =
        new Wave(
            kill.name().toLowerCase().replace('_', '-'), kill, tmp.resolve(kill.name()), address);
    for (Step step : MAIN) {
      MatrixCase c = add(wave, kill, step, killExpectation(kill, step), null);
      if (step == Step.UPDATE) {
        // Its command is held until every case of the wave reached its fault: minutes under load.
        c.updateTimeout = "10m";
      }
    }
    for (Step step : kill == Fault.KILL_DURING ? ROLLBACK : SOME_ROLLBACK) {
      Expect expect =
          kill == Fault.REBOOT && step == Step.ROLLBACK_HEALTH
              ? Expect.failedAfterRollback(false, false, true)
              : Expect.rolledBack(1);
      add(wave, kill, step, expect, null);
    }
    RecoveryCases.kills(kill).forEach((step, expect) -> add(wave, kill, step, expect, null));
    return wave;
  }

  private static Expect failExpectation(Step step) {
    return switch (step) {
      case PLAN, LOCK -> Expect.refused();
      // Only the kills meet these two (they read, and change nothing).
      case HOLD, CHECK -> throw new IllegalArgumentException(step + " is not a failing step");
      case DISK, SNAPSHOT -> Expect.failedUnchanged(0);
      case UPDATE -> Expect.rolledBack(0);
      case PATCHES, RESTART, HEALTH, ROLLBACK_STOP -> Expect.rolledBack(1);
      // Best effort: the update stands, only no release is recorded and no status line written
      // (a step of it failing alone fails only that step: StageActivitiesImplTest).
      case FINISH -> Expect.updated().goodReleaseUnchecked().noStatusFile();
      // Without a copy of the state the failed release left, its data is not restored: the old
      // code starts on it and is healthy, but the rollback is incomplete, so the run fails.
      case PRE_RESTORE -> Expect.failedAfterRollback(false, true, false).withoutPreRestore();
      case ROLLBACK_CODE -> Expect.failedAfterRollback(true, false, false);
      case ROLLBACK_DATA -> Expect.failedAfterRollback(false, true, false);
      case ROLLBACK_START -> Expect.failedAfterRollback(false, false, true);
      case ROLLBACK_HEALTH -> Expect.failedAfterRollback(false, true, true);
    };
  }

  /**
   * After a kill the run resumes and ends updated. A reboot also kills the service: one that was
   * under its health check is rolled back; one already verified stays down (the process manager has
   * no boot-time start; systemd's would start it, and monitoring is what notices it).
   */
  private static Expect killExpectation(Fault kill, Step step) {
    if (kill != Fault.REBOOT) {
      return Expect.updated();
    }
    return switch (step) {
      case HEALTH -> Expect.rolledBack(1);
      case FINISH -> Expect.updated().serviceDown();
      default -> Expect.updated();
    };
  }

  private MatrixCase add(
      Wave wave, Fault fault, PipelineStep step, Expect expect, String realScript) {
    String id =
        (fault.name() + "-" + step.row()).toLowerCase().replace('_', '-').replace(": ", "-");
    MatrixCase c =
        new MatrixCase(
            tmp.resolve(wave.name), id, fault, step, fault.label + " " + step.row(), expect);
    c.realScript = realScript; // Real means: the update command fails or hangs by itself.
    wave.cases.add(c);
    return c;
  }

  /**
   * Builds and runs the waves side by side; each is added to {@code waves} once built, and a wave
   * that throws is recorded in {@code broken} by name (the others run on).
   */
  private static void runAll(
      List<Callable<Wave>> builders, List<Wave> waves, Map<String, Throwable> broken)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(builders.size());
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < builders.size(); i++) {
        Callable<Wave> builder = builders.get(i);
        String name = "#" + (i + 1);
        running.add(
            pool.submit(
                () -> {
                  Wave wave = null;
                  try {
                    wave = builder.call();
                    synchronized (waves) {
                      waves.add(wave);
                    }
                    wave.run();
                  } catch (Exception | AssertionError e) {
                    broken.put(wave == null ? name : wave.name, e);
                  }
                }));
      }
      for (Future<?> wave : running) {
        try {
          wave.get();
        } catch (ExecutionException e) {
          broken.put("(unknown)", e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<MatrixCase> cases(List<Wave> waves) {
    synchronized (waves) {
      return waves.stream().flatMap(w -> w.cases.stream()).toList();
    }
  }
}
