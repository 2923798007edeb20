package dev.steward.cli.durability;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.activities.service.ServiceActivitiesImpl;
import dev.steward.activities.snapshot.SnapshotActivitiesImpl;
import dev.steward.activities.status.StatusActivitiesImpl;
import dev.steward.worker.Await;
import dev.steward.worker.HttpReceiver;
import dev.steward.worker.TestTarget;
import dev.steward.worker.config.ConfigLoader;
import dev.steward.workflows.host.TargetPlan;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One cell of the matrix: a real target of its own (git checkout, state, python service on its own
 * port), a fault at a step, what the world must look like afterwards, and what it did look like.
 */
final class MatrixCase {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final String id;
  final Fault fault;
  final PipelineStep step;
  String label;
  final Expect expect;
  private final Path root;
  TestTarget target;

  /** Real means: the update command's body after its marker line (it fails or hangs itself). */
  String realScript;

  private String oldRevision;
  private String newRevision;
  private String dataBefore;
  private HttpReceiver statusPage;

  /** Started with {@code steward update --detach} and followed with {@code steward follow}. */
  boolean viaCli;

  /** The exit code {@code steward follow} must end with, when {@link #viaCli}. */
  int cliExit;

  /** The update timeout of this case's target (e.g. "3s"); null: a generous 2m. */
  String updateTimeout;

  String workflowId;
  String outcome = "(no result)";
  Instant faultAt;
  Double resumeSeconds;
  double runSeconds;
  String message = "";
  Instant workerBackAt;
  String world = "(not checked)";
  final List<String> problems = new ArrayList<>();

  MatrixCase(Path root, String id, Fault fault, PipelineStep step, String label, Expect expect) {
    this.root = root;
    this.id = id;
    this.fault = fault;
    this.step = step;
    this.label = label;
    this.expect = expect;
  }

  /**
   * Creates the case's target under {@code root/id}: release "healthy" running, an update command
   * that appends to a marker, moves the code to origin/main and (when the test holds it) waits for
   * a release file — or {@link #realScript} after the marker line; the next release published
   * ("never-healthy migrate" for rollback steps).
   */
  void prepare() throws IOException {
    target = TestTarget.create(root.resolve(id));
    for (int attempt = 2; !reservePort(target.port()); attempt++) {
      // Two targets prepared at once can be handed the same free port before either binds it.
      target = TestTarget.create(root.resolve(id + "-" + attempt));
    }
    if (step instanceof RecoveryStep recovery) {
      prepareRecovery(recovery.scenario);
      return;
    }
    String script =
        realScript == null ? holdingUpdate() : "echo ran >> " + updateMarker() + "\n" + realScript;
    Path update = target.script("update.sh", script);
    target.updateCommand("[" + update + "]" + (step == Step.CHECK ? checkCommand() : ""));
    target.withConfig(
        "    patches:\n"
            + "      - name: serve-forever\n"
            + "        apply: [\"true\"]\n"
            + "        verify: {file: service.py, contains: serve_forever}\n");
    oldRevision = target.revision();
    dataBefore = target.stateDigest();
    boolean rollback = step instanceof Step updateStep && updateStep.inRollback();
    newRevision = target.publish(rollback ? "never-healthy migrate" : "healthy v2");
    new ServiceActivitiesImpl().restartService(plan());
  }

  /**
   * An {@code update.check} that looks as a person's would (exit 0: the remote has something the
   * checkout lacks): the check step runs only for a command update that has one.
   */
  private String checkCommand() throws IOException {
    String git = "git -C " + target.checkout();
    Path check =
        target.script(
            "has-update.sh",
            git
                + " fetch -q origin || exit 2\n"
                + "test \"$("
                + git
                + " rev-parse HEAD)\" != \"$("
                + git
                + " rev-parse origin/main)\"");
    return "\n      check: [" + check + "]";
  }

  /**
   * Breaks the target as {@code scenario} says, from release "healthy" not running: the world the
   * recovery run starts in. What the run must restore is what {@link #dataBefore} records.
   */
  private void prepareRecovery(RecoveryStep.Scenario scenario) throws IOException {
    if (scenario == RecoveryStep.Scenario.ROLLBACK) {
      statusPage = HttpReceiver.start().statusPage("/status.json", "none");
      target.withConfig("    provider:\n      status: " + statusPage.url("/status.json") + "\n");
    }
    oldRevision = target.revision(); // Its service never started: down, as if it had crashed.
    if (scenario == RecoveryStep.Scenario.ROLLBACK) {
      new SnapshotActivitiesImpl().takeSnapshot(planAsInWave(), "matrix/" + id, oldRevision);
      newRevision = target.publish("never-healthy");
      git("fetch", "-q", "origin");
      git("reset", "-q", "--hard", "origin/main");
    }
    if (scenario == RecoveryStep.Scenario.LAST_GOOD) {
      new StatusActivitiesImpl().markGoodRelease(planAsInWave(), "matrix/" + id);
      newRevision = commitBrokenRelease();
    }
    dataBefore = target.stateDigest();
    if (scenario == RecoveryStep.Scenario.ROLLBACK || scenario == RecoveryStep.Scenario.ESCALATE) {
      Files.writeString(target.state().resolve("schema.txt"), "corrupt\n");
    }
    if (scenario == RecoveryStep.Scenario.ESCALATE) {
      dataBefore = target.stateDigest(); // Nothing can restore it: it must stay as it was.
    }
  }

  /**
   * Commits, in the checkout behind Steward's back, a release whose service exits as it starts
   * whatever the data: a hand edit that broke the code, not the data.
   */
  private String commitBrokenRelease() throws IOException {
    Path service = target.checkout().resolve("service.py");
    Files.writeString(
        service, "import sys\nsys.exit('broken by hand')\n" + Files.readString(service));
    git("commit", "-q", "-am", "broken by hand");
    return target.revision();
  }

  /**
   * The plan under this case's name, as the wave's worker sees it: a snapshot's manifest names its
   * target, and recovery only rolls back to a snapshot of its own target.
   */
  private TargetPlan planAsInWave() throws IOException {
    Path yaml = target.root().resolve("as-in-wave.yaml");
    Files.writeString(yaml, "targets:\n" + configBlock());
    return ConfigLoader.forThisMachine().load(yaml).targets().get(id);
  }

  private void git(String... args) throws IOException {
    List<String> argv = new ArrayList<>(List.of("git", "-C", target.checkout().toString()));
    argv.addAll(List.of(args));
    Process git = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String output = new String(git.getInputStream().readAllBytes());
    try {
      if (git.waitFor() != 0) {
        throw new IOException(String.join(" ", argv) + ": " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static final java.util.Set<Integer> PORTS_IN_USE =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private static boolean reservePort(int port) {
    return PORTS_IN_USE.add(port);
  }

  private String holdingUpdate() {
    return "echo ran >> "
        + updateMarker()
        + "\ngit fetch -q origin && git reset -q --hard origin/main || exit 1\n"
        + "touch "
        + moved()
        + "\nwhile [ ! -f "
        + releaseFile()
        + " ]; do sleep 0.1; done";
  }

  /** This target's block in a wave's steward.yaml, named {@link #id}. */
  String configBlock() throws IOException {
    String own = Files.readString(target.config());
    String body = own.substring(own.indexOf("  demo:\n") + "  demo:\n".length());
    // Generous for a loaded build machine: a held update command counts its wait for the kill and
    // the new worker against this timeout; every case's service restarts at once after a kill, and
    // a probe that times out breaks the stable streak.
    body =
        replaceOnce(
            body,
            "      timeout: 30s\n    health:\n",
            "      timeout: " + (updateTimeout != null ? updateTimeout : "2m") + "\n    health:\n");
    body =
        replaceOnce(
            body, "stableFor: 2s\n      timeout: 10s\n", "stableFor: 2s\n      timeout: 30s\n");
    return "  " + id + ":\n" + body;
  }

  /** Fails when TestTarget's config no longer has the text, so the change is never lost. */
  private static String replaceOnce(String text, String what, String with) {
    if (!text.contains(what)) {
      throw new IllegalStateException("TestTarget's config has no " + what.strip());
    }
    return text.replace(what, with);
  }

  /** Lets a held update command finish. */
  void releaseUpdate() throws IOException {
    Files.writeString(releaseFile(), "go\n");
  }

  Path moved() {
    return target.root().resolve("moved");
  }

  private Path releaseFile() {
    return target.root().resolve("release");
  }

  Path updateMarker() {
    return target.root().resolve("update-ran");
  }

  /** Checks the world against {@link #expect}, recording each difference as a problem. */
  void check() throws IOException {
    world = observed();
    int before = problems.size();
    compare("outcome", expect.outcome(), outcome);
    compare(
        "revision",
        expect.newRevision() ? newRevision : oldRevision,
        target.revision(),
        expect.newRevision() ? "new" : "old");
    compare("service up", expect.serviceUp(), answersHealth());
    compare("status file", expect.status(), statusWord());
    compare("snapshots", expect.snapshots(), target.snapshots().size());
    problems.addAll(
        HostRecords.problems(planAsInWave(), expect, target.revision(), replacedSchema()));
    compare("update command runs", expect.updateRuns(), updateRuns());
    if (expect.dataAsBefore()) {
      compare("state bytes as before", dataBefore, target.stateDigest(), "restored");
    }
    compare("lock released", false, Files.exists(target.state().resolve(".steward/lock.json")));
    if (expect.held() != null) {
      compare("updates held", expect.held(), Files.exists(holdFile()));
    }
    if (problems.size() > before) {
      problems.add("run said: " + message);
      problems.add("service log: " + serviceLogTail());
    }
  }

  /** schema.txt as the rollback found it, before its restore. */
  private String replacedSchema() {
    if (step instanceof RecoveryStep) {
      return "corrupt\n";
    }
    return ((Step) step).inRollback() ? "2\n" : "1\n"; // "migrate" rewrote it as it started.
  }

  private Path holdFile() {
    return target.state().resolve(".steward/hold.json");
  }

  /** Seconds from the new worker's start to the run's next completed activity, if measured. */
  Double afterWorkerBack() {
    if (resumeSeconds == null || workerBackAt == null || faultAt == null) {
      return null;
    }
    double workerDown = Duration.between(faultAt, workerBackAt).toMillis() / 1000.0;
    return Math.max(0, resumeSeconds - workerDown);
  }

  private String serviceLogTail() {
    try {
      List<String> lines = Files.readAllLines(target.state().resolve(".steward/service.log"));
      return String.join(" / ", lines.subList(Math.max(0, lines.size() - 6), lines.size()));
    } catch (IOException e) {
      return "(none)";
    }
  }

  /** What the world shows, in a few words, for the report. */
  String observed() throws IOException {
    return String.format(
        "rev %s, service %s, status %s, %d snapshot(s), update ran %d×%s",
        target.revision().equals(newRevision) ? "new" : "old",
        answersHealth() ? "up" : "down",
        statusWord(),
        target.snapshots().size(),
        updateRuns(),
        Files.exists(holdFile()) ? ", held" : "");
  }

  private void compare(String what, Object want, Object got) {
    compare(what, want, got, String.valueOf(want));
  }

  private void compare(String what, Object want, Object got, String wantLabel) {
    if (want == null ? got != null : !want.equals(got)) {
      problems.add(what + ": want " + wantLabel + ", got " + got);
    }
  }

  private boolean answersHealth() {
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        HttpResponse<String> response =
            HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.port() + "/health"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200;
      } catch (IOException e) {
        Await.pause(Duration.ofMillis(300));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  private String statusWord() throws IOException {
    if (!Files.exists(target.statusFile())) {
      return null;
    }
    Map<?, ?> status = new ObjectMapper().readValue(target.statusFile().toFile(), Map.class);
    return String.valueOf(status.get("status"));
  }

  private int updateRuns() throws IOException {
    return Files.exists(updateMarker()) ? Files.readAllLines(updateMarker()).size() : 0;
  }

  TargetPlan plan() {
    return ConfigLoader.forThisMachine().load(target.config()).targets().get(TestTarget.NAME);
  }

  /** Stops the service and anything else still running from this case's directory. */
  void cleanUp() {
    if (statusPage != null) {
      statusPage.close();
    }
    if (target == null) {
      return;
    }
    try {
      new ServiceActivitiesImpl().stopService(plan());
    } catch (RuntimeException e) {
      // Best effort: the kill below gets what is left.
    }
    killProcessesUnder();
  }

  /** SIGKILLs every process whose command line names this case's directory (a host reboot). */
  void killProcessesUnder() {
    String dir = target.root().toString() + "/";
    ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains(dir)).orElse(false))
        .forEach(ProcessHandle::destroyForcibly);
  }

  @Override
  public String toString() {
    return id;
  }
}
