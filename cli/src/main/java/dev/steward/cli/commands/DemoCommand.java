package dev.steward.cli.commands;

import dev.steward.activities.service.ServiceActivitiesImpl;
import dev.steward.cli.ExitCodes;
import dev.steward.cli.Steward;
import dev.steward.cli.UsageException;
import dev.steward.cli.run.OutputFormat;
import dev.steward.cli.run.RunFollower;
import dev.steward.cli.run.RunPrinter;
import dev.steward.worker.Pipelines;
import dev.steward.worker.StewardRuntime;
import dev.steward.worker.config.ConfigLoader;
import dev.steward.worker.config.StewardConfig;
import dev.steward.workflows.host.HealthReport;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.update.UpdateOutcome;
import dev.steward.workflows.update.UpdateResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code steward demo}: the main job end to end on the embedded server. It installs v1 of a demo
 * service, updates it to v2 (healthy), then to v3 (answers health, then exits 0), which must be
 * rolled back to v2 with its data. v1 is installed and the service stopped at the end through the
 * same activity implementation the pipelines use ({@link ServiceActivitiesImpl}).
 */
@Command(
    name = "demo",
    description = {
      "Show the update pipeline on a demo service, on the embedded server:",
      "install v1, update to v2 (succeeds), update to v3 (exits 0 after 2 s: rolled back).",
      "Exits 0 when all three end as expected."
    })
public final class DemoCommand implements Callable<Integer> {
  @ParentCommand Steward steward;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "Where to create the demo (default: a new temporary directory).")
  Path dir;

  private final List<String> problems = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    Path root = dir != null ? emptyDirectory(dir) : Files.createTempDirectory("steward-demo-");
    DemoProject demo = DemoProject.create(root);
    PrintWriter out = steward.out();
    StewardConfig config = ConfigLoader.forThisMachine().load(demo.config());
    TargetPlan plan = Targets.plan(config, DemoProject.TARGET);
    ServiceActivitiesImpl service = new ServiceActivitiesImpl();
    say("Steward demo in " + demo.root() + ", service on 127.0.0.1:" + demo.port());
    try (StewardRuntime runtime =
        StewardRuntime.openEmbedded(
            config, () -> ConfigLoader.forThisMachine().load(demo.config()))) {
      say("\n== 1. install v1");
      installFirstVersion(demo, plan, service);
      say("\n== 2. update to v2 (a good release)");
      demo.publish(2);
      String v2 = demo.upstreamRevision();
      UpdateResult second = update(runtime);
      expect(second.outcome().equals(UpdateOutcome.UPDATED), "v2 update ended " + second.outcome());
      expect(demo.checkoutRevision().equals(v2), "the checkout is not at v2 after updating");
      byte[] dataAtV2 = Files.readAllBytes(demo.state().resolve("greeting.txt"));
      say("\n== 3. update to v3 (answers health for 2 s, migrates the data, then exits 0)");
      demo.publish(3);
      UpdateResult third = update(runtime);
      expect(
          third.outcome().equals(UpdateOutcome.ROLLED_BACK), "v3 update ended " + third.outcome());
      expect(demo.checkoutRevision().equals(v2), "the checkout is not back at v2");
      expect(
          java.util.Arrays.equals(
              dataAtV2, Files.readAllBytes(demo.state().resolve("greeting.txt"))),
          "the data was not restored");
      expect(
          !Files.exists(demo.state().resolve("index-v3.db")), "v3's new data file is still there");
    } finally {
      service.stopService(plan);
      out.flush();
    }
    return summary();
  }

  private void installFirstVersion(DemoProject demo, TargetPlan plan, ServiceActivitiesImpl service)
      throws IOException, InterruptedException {
    service.restartService(plan);
    HealthReport health = service.verifyHealth(plan);
    expect(health.healthy(), "v1 did not become healthy: " + health.message());
    say("  v1 at " + demo.checkoutRevision().substring(0, 7) + ": " + health.message());
  }

  private UpdateResult update(StewardRuntime runtime) throws InterruptedException {
    RunPrinter printer = new RunPrinter(steward, OutputFormat.TEXT);
    UpdateResult result =
        new RunFollower(printer)
            .follow(
                Pipelines.startUpdate(
                    runtime.client(), DemoProject.TARGET, runtime.host(), Clock.systemUTC()));
    printer.result(result);
    return result;
  }

  private int summary() {
    if (problems.isEmpty()) {
      say("\ndemo passed: v2 updated and healthy; v3 rolled back to v2 with its data, healthy");
      return ExitCodes.OK;
    }
    say("\ndemo FAILED:");
    problems.forEach(problem -> say("  - " + problem));
    return ExitCodes.ERROR;
  }

  private void expect(boolean condition, String problem) {
    if (!condition) {
      problems.add(problem);
    }
  }

  private void say(String line) {
    steward.out().println(line);
    steward.out().flush();
  }

  private static Path emptyDirectory(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new UsageException(dir + " is not empty (choose a new directory for --dir)");
        }
      }
    }
    return Files.createDirectories(dir);
  }
}
