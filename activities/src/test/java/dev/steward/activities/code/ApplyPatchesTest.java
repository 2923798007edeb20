package dev.steward.activities.code;

import static dev.steward.activities.testing.Shell.lines;
import static dev.steward.activities.testing.Shell.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.workflows.host.FailureTypes;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.host.TargetPlan.PatchPlan;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local patches re-applied after an update, checked by the text they must leave behind. */
class ApplyPatchesTest {
  @TempDir Path tmp;
  private Repos repos;
  private Path marker;
  private final CodeActivitiesImpl code = new CodeActivitiesImpl();

  @BeforeEach
  void setUp() throws Exception {
    repos = new Repos(tmp);
    marker = tmp.resolve("patch-runs.log");
  }

  private PatchPlan patch(String name, String appends, String verifyContains) throws Exception {
    Path apply =
        script(
            tmp.resolve("patches/" + name + ".sh"),
            "echo " + name + " >> " + marker + "\nprintf '%s\\n' '" + appends + "' >> app.txt");
    return new PatchPlan(name, List.of(apply.toString()), "app.txt", verifyContains);
  }

  private TargetPlan plan(PatchPlan... patches) {
    return repos.plan(Repos.byGit(List.of()), List.of(patches));
  }

  @Test
  void applies_a_patch_once_and_skips_it_when_it_is_already_in_place() throws Exception {
    TargetPlan plan = plan(patch("kwargs-fix", "def f(**kwargs)", "**kwargs"));

    List<String> first = code.applyPatches(plan);
    List<String> second = code.applyPatches(plan);

    assertEquals(List.of("kwargs-fix"), first);
    assertEquals(List.of(), second);
    assertEquals(List.of("kwargs-fix"), lines(marker));
    assertTrue(repos.app().endsWith("def f(**kwargs)"));
  }

  @Test
  void fails_with_patch_failed_when_the_patched_file_lacks_the_text_after_applying_it()
      throws Exception {
    TargetPlan plan = plan(patch("kwargs-fix", "def f(*args)", "**kwargs"));

    ApplicationFailure failure =
        assertThrows(ApplicationFailure.class, () -> code.applyPatches(plan));

    assertEquals(FailureTypes.PATCH_FAILED, failure.getType());
    assertEquals(
        "patch kwargs-fix: app.txt does not contain \"**kwargs\" after applying it",
        failure.getOriginalMessage());
  }

  @Test
  void fails_with_patch_failed_when_the_file_to_check_does_not_exist() throws Exception {
    Path apply = script(tmp.resolve("patches/noop.sh"), "true");
    TargetPlan plan =
        plan(new PatchPlan("gone", List.of(apply.toString()), "path/x.py", "**kwargs"));

    ApplicationFailure failure =
        assertThrows(ApplicationFailure.class, () -> code.applyPatches(plan));

    assertEquals(
        "patch gone: path/x.py does not exist after applying it", failure.getOriginalMessage());
  }

  @Test
  void fails_with_command_failed_when_a_patch_command_fails() throws Exception {
    Path apply = script(tmp.resolve("patches/broken.sh"), "echo cannot patch\nexit 2");
    TargetPlan plan = plan(new PatchPlan("broken", List.of(apply.toString()), "app.txt", "x!"));

    ApplicationFailure failure =
        assertThrows(ApplicationFailure.class, () -> code.applyPatches(plan));

    assertEquals(FailureTypes.COMMAND_FAILED, failure.getType());
    assertEquals(
        "patch broken: " + apply + " exited 2: cannot patch", failure.getOriginalMessage());
  }

  @Test
  void fails_when_a_later_patch_undoes_an_earlier_one() throws Exception {
    PatchPlan first = patch("first", "marker-one", "marker-one");
    Path overwrite = script(tmp.resolve("patches/second.sh"), "echo marker-two > app.txt");
    PatchPlan second = new PatchPlan("second", List.of(overwrite.toString()), "app.txt", "two");

    ApplicationFailure failure =
        assertThrows(ApplicationFailure.class, () -> code.applyPatches(plan(first, second)));

    assertEquals(FailureTypes.PATCH_FAILED, failure.getType());
    assertTrue(failure.getOriginalMessage().startsWith("patch first: app.txt does not contain"));
    assertTrue(Files.readString(repos.checkout.resolve("app.txt")).contains("marker-two"));
  }
}
