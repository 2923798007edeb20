package dev.steward.worker.config;

import static dev.steward.worker.config.ConfigFixture.minimalWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A target's {@code schedule:} section: what it resolves to, and its one-line errors. */
class ScheduleConfigTest {
  private static final String HEALTH = "    health:\n";

  @TempDir Path tmp;
  ConfigFixture fx;

  @BeforeEach
  void layOutHost() throws Exception {
    fx = new ConfigFixture(tmp);
  }

  private static String withSchedule(String update) {
    return minimalWith(HEALTH, "    schedule:\n      update: " + update + "\n" + HEALTH);
  }

  @Test
  void resolves_a_daily_time_with_its_zone_jitter_and_catchup() throws Exception {
    StewardConfig config =
        fx.load(withSchedule("{at: \"3:00\", timezone: Europe/London, jitter: 10m, catchup: 2d}"));

    assertEquals(
        Map.of(
            "demo",
            new UpdateSchedule("03:00", null, 0, "Europe/London", 600_000, 2 * 86_400_000L)),
        config.updateSchedules());
  }

  @Test
  void defaults_to_utc_no_jitter_and_a_day_of_catchup_for_a_cron() throws Exception {
    StewardConfig config = fx.load(withSchedule("{cron: \"0 3 * * 1-5\"}"));

    assertEquals(
        new UpdateSchedule(null, "0 3 * * 1-5", 0, "UTC", 0, 86_400_000L),
        config.updateSchedules().get("demo"));
  }

  @Test
  void resolves_an_interval_with_its_catchup() throws Exception {
    StewardConfig config = fx.load(withSchedule("{every: 30s, catchup: 5m}"));

    assertEquals(
        new UpdateSchedule(null, null, 30_000, "UTC", 0, 300_000),
        config.updateSchedules().get("demo"));
  }

  @Test
  void keeps_the_monitor_of_a_target_whose_schedule_asks_for_it() throws Exception {
    StewardConfig config =
        fx.load(minimalWith(HEALTH, "    schedule:\n      monitor: true\n" + HEALTH));

    assertEquals(java.util.Set.of("demo"), config.monitoredTargets());
    assertEquals(Map.of(), config.updateSchedules());
  }

  @Test
  void refuses_a_monitor_setting_that_is_not_true_or_false() throws Exception {
    assertEquals(
        "steward.yaml:13: targets.demo.schedule.monitor: \"always\" is not true or false (write"
            + " true)",
        fx.error(minimalWith(HEALTH, "    schedule:\n      monitor: always\n" + HEALTH)));
  }

  @Test
  void a_target_without_a_schedule_has_none() throws Exception {
    assertEquals(Map.of(), fx.load(ConfigFixture.MINIMAL).updateSchedules());
  }

  @Test
  void refuses_both_at_and_cron() throws Exception {
    assertEquals(
        "steward.yaml:13: targets.demo.schedule.update: has more than one of at, cron and every"
            + " (give one: at: \"03:00\" (daily), cron: \"0 3 * * *\" or every: 6h)",
        fx.error(withSchedule("{at: \"03:00\", cron: \"0 3 * * *\"}")));
  }

  @Test
  void refuses_an_interval_beside_a_daily_time() throws Exception {
    assertEquals(
        "steward.yaml:13: targets.demo.schedule.update: has more than one of at, cron and every"
            + " (give one: at: \"03:00\" (daily), cron: \"0 3 * * *\" or every: 6h)",
        fx.error(withSchedule("{at: \"03:00\", every: 6h}")));
  }

  @Test
  void refuses_an_update_schedule_that_says_nothing_of_when() throws Exception {
    assertEquals(
        "steward.yaml:13: targets.demo.schedule.update: has none of at, cron and every"
            + " (give one: at: \"03:00\" (daily), cron: \"0 3 * * *\" or every: 6h)",
        fx.error(withSchedule("{jitter: 10m}")));
  }

  @Test
  void refuses_an_interval_that_is_not_a_duration() throws Exception {
    assertEquals(
        "steward.yaml:13: targets.demo.schedule.update.every: \"30 secs\" is not a duration"
            + " (try 30s)",
        fx.error(withSchedule("{every: 30 secs}")));
  }

  @Test
  void refuses_an_interval_under_a_second() throws Exception {
    assertEquals(
        "steward.yaml:13: targets.demo.schedule.update.every: 500ms is too short (use at least"
            + " 1s)",
        fx.error(withSchedule("{every: 500ms}")));
  }

  @Test
  void refuses_a_time_zone_beside_an_interval() throws Exception {
    assertEquals(
        "steward.yaml:13: targets.demo.schedule.update.timezone: has no effect with every"
            + " (remove it: every counts from the Unix epoch)",
        fx.error(withSchedule("{every: 6h, timezone: Europe/London}")));
  }

  @Test
  void refuses_a_time_that_is_not_a_time_of_day() throws Exception {
    assertEquals(
        "steward.yaml:13: targets.demo.schedule.update.at: \"25:00\" is not a time of day"
            + " (write HH:MM in quotes, e.g. \"03:00\")",
        fx.error(withSchedule("{at: \"25:00\"}")));
  }

  @Test
  void refuses_an_unknown_time_zone() throws Exception {
    assertEquals(
        "steward.yaml:13: targets.demo.schedule.update.timezone: \"Europe/Lundon\" is not a time"
            + " zone (use an IANA name such as Europe/London or UTC)",
        fx.error(withSchedule("{at: \"03:00\", timezone: Europe/Lundon}")));
  }

  @Test
  void refuses_a_cron_without_five_fields() throws Exception {
    assertEquals(
        "steward.yaml:13: targets.demo.schedule.update.cron: \"0 3 *\" is not a five-field cron"
            + " expression (write minute hour day-of-month month day-of-week, e.g. \"0 3 * * *\")",
        fx.error(withSchedule("{cron: \"0 3 *\"}")));
  }

  @Test
  void refuses_a_bad_jitter() throws Exception {
    assertEquals(
        "steward.yaml:13: targets.demo.schedule.update.jitter: \"ten minutes\" is not a"
            + " duration (try 10m)",
        fx.error(withSchedule("{at: \"03:00\", jitter: ten minutes}")));
  }
}
