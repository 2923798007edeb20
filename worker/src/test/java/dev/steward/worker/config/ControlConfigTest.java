package dev.steward.worker.config;

import static dev.steward.worker.config.ConfigFixture.minimalWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.steward.workflows.host.ControlPlan;
import dev.steward.workflows.host.ControlPlan.ApprovalPlan;
import dev.steward.workflows.host.ControlPlan.WindowPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A target's {@code window:} and {@code approval:}. */
class ControlConfigTest {
  private static final String HEALTH = "    health:\n";

  @TempDir Path tmp;
  ConfigFixture fx;

  @BeforeEach
  void layOutHost() throws Exception {
    fx = new ConfigFixture(tmp);
  }

  private String with(String lines) {
    return minimalWith(HEALTH, lines + HEALTH);
  }

  @Test
  void resolves_a_window_and_an_approval() throws Exception {
    StewardConfig config =
        fx.load(
            with(
                "    window: {days: [sat, sun], from: \"02:00\", to: \"05:00\","
                    + " timezone: Europe/London}\n    approval: {required: true, timeout: 2h}\n"));

    assertEquals(
        new ControlPlan(
            new WindowPlan(List.of("sat", "sun"), "02:00", "05:00", "Europe/London"),
            new ApprovalPlan(7_200_000)),
        config.targets().get("demo").controls());
  }

  @Test
  void a_window_defaults_to_every_day_in_utc_and_approval_to_not_required() throws Exception {
    StewardConfig config =
        fx.load(
            with(
                "    window: {from: \"23:00\", to: \"01:00\"}\n    approval: {required: false}\n"));

    ControlPlan controls = config.targets().get("demo").controls();
    assertEquals(7, controls.window().days().size());
    assertEquals("UTC", controls.window().timezone());
    assertNull(controls.approval());
  }

  @Test
  void refuses_a_day_that_is_not_one() throws Exception {
    assertEquals(
        "steward.yaml:12: targets.demo.window.days[1]: \"sunday\" is not a day (use mon, tue, …"
            + " sun)",
        fx.error(with("    window: {days: [sat, sunday], from: \"02:00\", to: \"05:00\"}\n")));
  }

  @Test
  void refuses_a_window_without_length() throws Exception {
    assertEquals(
        "steward.yaml:12: targets.demo.window.to: is the same time as from (give the window a"
            + " length, e.g. to: \"05:00\")",
        fx.error(with("    window: {from: \"02:00\", to: \"02:00\"}\n")));
  }

  @Test
  void refuses_an_approval_that_is_not_true_or_false() throws Exception {
    assertEquals(
        "steward.yaml:12: targets.demo.approval.required: \"yes please\" is not true or false"
            + " (write true)",
        fx.error(with("    approval: {required: yes please}\n")));
  }
}
