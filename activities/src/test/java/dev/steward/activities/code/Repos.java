package dev.steward.activities.code;

import static dev.steward.activities.testing.Shell.git;
import static dev.steward.activities.testing.Shell.run;

import dev.steward.workflows.host.ManagerKind;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.host.TargetPlan.PatchPlan;
import dev.steward.workflows.host.TargetPlan.UpdatePlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;

/**
 * Real git repositories for code tests: a bare {@code origin}, an {@code upstream} clone where new
 * versions are committed and pushed, and the service's {@code checkout}, cloned at v1. Version v1
 * carries {@code install.sh}, which appends "installed <app.txt>" to {@code installs.log}.
 */
final class Repos {
  final Path root;
  final Path origin;
  final Path upstream;
  final Path checkout;
  final Path state;
  final Path installs;
  final String v1;

  Repos(Path root) throws Exception {
    this.root = root;
    origin = root.resolve("origin.git");
    upstream = root.resolve("upstream");
    checkout = root.resolve("app");
    state = Files.createDirectories(root.resolve("state"));
    installs = root.resolve("installs.log");
    git(root, "init", "-q", "--bare", "-b", "main", origin.toString());
    git(root, "init", "-q", "-b", "main", upstream.toString());
    git(upstream, "remote", "add", "origin", origin.toString());
    Path install = upstream.resolve("install.sh");
    Files.writeString(install, "#!/bin/sh\necho \"installed $(cat app.txt)\" >> ../installs.log\n");
    Files.setPosixFilePermissions(install, PosixFilePermissions.fromString("rwxr-xr-x"));
    v1 = commit("v1");
    git(root, "clone", "-q", origin.toString(), checkout.toString());
  }

  /** Commits {@code app.txt} with {@code version} upstream and pushes it; returns the commit. */
  String commit(String version) throws Exception {
    Files.writeString(upstream.resolve("app.txt"), version + "\n");
    git(upstream, "add", "-A");
    git(upstream, "commit", "-q", "-m", version);
    git(upstream, "push", "-q", "origin", "main");
    return git(upstream, "rev-parse", "HEAD");
  }

  /** Commits {@code version} upstream as if at {@code time}, and pushes it. */
  String commitAt(String version, Instant time) throws Exception {
    Files.writeString(upstream.resolve("app.txt"), version + "\n");
    git(upstream, "add", "-A");
    String date = "@" + time.getEpochSecond() + " +0000";
    run(
        upstream,
        "env",
        "GIT_COMMITTER_DATE=" + date,
        "GIT_AUTHOR_DATE=" + date,
        "git",
        "-c",
        "user.email=test@steward.dev",
        "-c",
        "user.name=Test",
        "commit",
        "-q",
        "-m",
        version);
    git(upstream, "push", "-q", "origin", "main");
    return git(upstream, "rev-parse", "HEAD");
  }

  String head() throws Exception {
    return git(checkout, "rev-parse", "HEAD");
  }

  String app() throws Exception {
    return Files.readString(checkout.resolve("app.txt")).strip();
  }

  static UpdatePlan byGit(List<List<String>> then) {
    return new UpdatePlan("origin", "main", List.of(), then, 60);
  }

  static UpdatePlan byCommand(List<String> command, long timeoutSeconds) {
    return new UpdatePlan(null, null, command, List.of(), timeoutSeconds);
  }

  TargetPlan plan(UpdatePlan update) {
    return plan(update, List.of());
  }

  TargetPlan plan(UpdatePlan update, List<PatchPlan> patches) {
    return new TargetPlan(
        "demo",
        "test-host",
        checkout.toString(),
        state.toString(),
        new TargetPlan.ServicePlan(ManagerKind.PROCESS, List.of("true"), checkout.toString(), null),
        new TargetPlan.SnapshotPlan(
            root.resolve("backups").toString(), 7, List.of(), List.of(), List.of()),
        0,
        update,
        patches,
        new TargetPlan.HealthPlan(null, List.of(), 1000, 5000));
  }
}
