package dev.steward.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.worker.TestTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every kind of bad configuration stops {@code steward update} before anything runs, with one line
 * naming the file, the line and the key, and exit code 2.
 */
class BadConfigurationTest {
  @TempDir Path root;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          unknown key           | '    service:'               | '    colour: blue\\n    service:'          | targets.demo.colour
          wrong type            | 'keep: 3'                     | 'keep: [3]'                                | targets.demo.snapshot.keep
          bad size              | 'minFree: 1MiB'               | 'minFree: 5 gigs'                          | targets.demo.disk.minFree
          bad duration          | 'timeout: 30s'                | 'timeout: soon'                            | targets.demo.update.timeout
          missing checkout      | 'checkout: /'                 | 'checkout: /nonexistent/'                  | targets.demo.checkout
          missing state         | 'state: /'                    | 'state: /nonexistent/'                     | targets.demo.state
          both git and command  | '      timeout: 30s'          | '      command: [./up.sh]\\n      timeout: 30s' | targets.demo.update
          neither git nor command | '      git: {remote: origin, ref: main}\\n' | ''                   | targets.demo.update
          export without import | '      keep: 3'               | '      keep: 3\\n      export: [backup, \"{file}\"]' | targets.demo.snapshot
          unknown manager       | 'manager: process'            | 'manager: upstart'                         | targets.demo.service.manager
          health without probe  | '      http: http'            | '      nothttp: http'                       | targets.demo.health
          yaml syntax error     | 'targets:'                    | 'targets: ['                               | steward.yaml
          """)
  void is_one_line_with_exit_2(String kind, String from, String to, String key) throws Exception {
    TestTarget target = TestTarget.create(root);
    String good = Files.readString(target.config());
    String bad = good.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
    assertNotEquals(good, bad, "the case must change the config");
    Files.writeString(target.config(), bad);

    CliRun run = CliRun.of("-c", target.config().toString(), "update", TestTarget.NAME);

    assertEquals(2, run.exitCode(), run.toString());
    assertEquals(1, run.err().lines().count(), run.toString());
    assertTrue(run.err().startsWith("steward: " + target.config() + ":"), run.toString());
    assertTrue(run.err().contains(key), run.toString());
    assertEquals("", run.out(), run.toString());
  }
}
