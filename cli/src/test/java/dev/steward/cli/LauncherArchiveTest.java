package dev.steward.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.worker.systemd.WorkerJvm;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers' class-data archive (scripts/steward-java.sh, which ./steward and the release's
 * bin/steward source), with real bash and real JVMs. The jar is a small one made here (the fat jar
 * is packaged after the tests run), whose main prints its arguments: what matters is the archive
 * next to it, not what the jar does.
 */
class LauncherArchiveTest {
  private static final Path SCRIPT =
      Path.of("..", "scripts", "steward-java.sh").toAbsolutePath().normalize();
  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();

  @TempDir Path dir;
  private Path jar;
  private Path archive;

  @BeforeEach
  void makeJar() throws IOException {
    jar = dir.resolve("steward.jar");
    archive = dir.resolve("steward.jsa");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, ProbeMain.class.getName());
    String entry = ProbeMain.class.getName().replace('.', '/') + ".class";
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest);
        InputStream in = ProbeMain.class.getClassLoader().getResourceAsStream(entry)) {
      out.putNextEntry(new JarEntry(entry));
      in.transferTo(out);
    }
  }

  @Test
  void builds_the_archive_once_and_loads_classes_from_it() throws Exception {
    Run first = launch("config", "check");

    assertEquals("probe [config, check]\n", first.stdout, first.toString());
    assertTrue(Files.size(archive) > 0, "no archive after the first launch");
    FileTime built = Files.getLastModifiedTime(archive);
    Run second = launch("status");
    assertEquals("probe [status]\n", second.stdout, second.toString());
    assertEquals(built, Files.getLastModifiedTime(archive), "the archive was built again");
    assertTrue(
        second.classLoads.contains(ProbeMain.class.getName() + " source: shared objects file"),
        "the main class did not come from the archive: " + second.classLoads);
  }

  @Test
  void a_corrupt_archive_is_ignored_without_a_word_on_stdout() throws Exception {
    launch("--version");
    Files.delete(archive); // the JVM makes it read-only
    Files.write(archive, "not an archive".getBytes(StandardCharsets.US_ASCII));

    Run run = launch("status", "--output", "json");

    assertEquals("probe [status, --output, json]\n", run.stdout, run.toString());
    assertEquals(0, run.exit, run.toString());
    assertFalse(run.classLoads.contains("shared objects file (top)"), run.classLoads);
  }

  @Test
  void a_missing_archive_is_built_again_and_a_stale_one_replaced() throws Exception {
    launch("--version");
    Files.delete(archive);

    assertEquals("probe [--version]\n", launch("--version").stdout);
    assertTrue(Files.exists(archive), "the missing archive was not built again");
    // A rebuilt jar: newer than its archive, which would no longer match it.
    Files.setLastModifiedTime(archive, FileTime.fromMillis(0));
    Run run = launch("--version");
    assertEquals("probe [--version]\n", run.stdout, run.toString());
    assertTrue(Files.getLastModifiedTime(archive).toMillis() > 0, "the stale archive stayed");
  }

  @Test
  void the_worker_gets_its_small_memory_and_no_archive() throws Exception {
    Run run = launch("-c", "steward.yaml", "worker");

    assertEquals("probe [-c, steward.yaml, worker]\n", run.stdout, run.toString());
    assertTrue(run.jvmOptions.containsAll(WorkerJvm.OPTIONS), run.toString());
    assertTrue(
        run.jvmOptions.stream().noneMatch(option -> option.startsWith("-XX:SharedArchiveFile")),
        run.toString());
    assertFalse(Files.exists(archive), "an archive was built for the worker");
  }

  @Test
  void the_commands_that_run_pipelines_get_an_archive_of_their_own() throws Exception {
    Path pipelineArchive = dir.resolve("steward-pipeline.jsa");

    Run update = launch("-c", "steward.yaml", "update", "demo");
    Run check = launch("config", "check");
    Run restore = launch("--verbose", "restore", "demo", "latest");

    assertEquals("probe [-c, steward.yaml, update, demo]\n", update.stdout, update.toString());
    assertTrue(
        update.jvmOptions.contains("-XX:SharedArchiveFile=" + pipelineArchive), update.toString());
    assertTrue(
        update.classLoads.contains(ProbeMain.class.getName() + " source: shared objects file"),
        "the main class did not come from the pipeline archive: " + update.classLoads);
    assertTrue(check.jvmOptions.contains("-XX:SharedArchiveFile=" + archive), check.toString());
    assertTrue(Files.size(archive) > 0, "no archive for config check");
    assertTrue(
        restore.jvmOptions.contains("-XX:SharedArchiveFile=" + pipelineArchive),
        restore.toString());
  }

  @Test
  void a_short_command_does_not_build_the_pipeline_archive() throws Exception {
    Run run = launch("status");

    assertEquals("probe [status]\n", run.stdout, run.toString());
    assertTrue(Files.exists(archive), "no archive for status");
    assertFalse(
        Files.exists(dir.resolve("steward-pipeline.jsa")), "the pipeline archive was built");
  }

  /**
   * {@code steward_archive JAR ARGS…; steward_exec JAR ARGS…} in bash, as the launchers run them.
   */
  private Run launch(String... args) throws Exception {
    Path loads = dir.resolve("class-loads.txt");
    Path stdout = dir.resolve("stdout.txt");
    Files.deleteIfExists(loads);
    List<String> command =
        new ArrayList<>(
            List.of(
                "bash",
                "-c",
                "set -euo pipefail; source \"$1\"; shift; steward_archive \"$@\"; steward_exec \"$@\"",
                "launch",
                SCRIPT.toString(),
                jar.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(stdout.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("JAVA", JAVA);
    builder.environment().put("STEWARD_JAVA_OPTS", "-Xlog:class+load=info:file=" + loads);
    Process process = builder.start();
    int exit = process.waitFor();
    return new Run(
        exit,
        Files.readString(stdout),
        Files.exists(loads) ? Files.readString(loads) : "",
        ProbeMain.lastOptions(dir));
  }

  private record Run(int exit, String stdout, String classLoads, List<String> jvmOptions) {}
}
