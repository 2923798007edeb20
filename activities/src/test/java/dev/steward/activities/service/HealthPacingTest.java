package dev.steward.activities.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.steward.workflows.host.TargetPlan.HealthPlan;
import org.junit.jupiter.api.Test;

/** When the health check samples next: never past the end of the stable window or the timeout. */
class HealthPacingTest {
  private static final HealthPlan PLAN =
      new HealthPlan("http://127.0.0.1:1/health", null, 5_000, 60_000);

  @Test
  void a_service_that_is_not_yet_healthy_is_sampled_every_poll_interval() {
    assertEquals(300, HealthVerifier.nextPauseMillis(300, PLAN, -1, 1_000));
  }

  @Test
  void the_last_sample_of_a_stable_window_falls_when_the_window_ends() {
    assertEquals(300, HealthVerifier.nextPauseMillis(300, PLAN, 4_000, 5_000));
    assertEquals(120, HealthVerifier.nextPauseMillis(300, PLAN, 4_880, 5_880));
  }

  @Test
  void a_window_shorter_than_the_poll_interval_is_sampled_at_its_end() {
    HealthPlan quick = new HealthPlan("http://127.0.0.1:1/health", null, 100, 60_000);
    assertEquals(100, HealthVerifier.nextPauseMillis(300, quick, 0, 0));
  }

  @Test
  void the_last_sample_before_the_timeout_falls_at_the_timeout() {
    assertEquals(50, HealthVerifier.nextPauseMillis(300, PLAN, -1, 59_950));
  }

  @Test
  void the_pause_is_never_zero_so_the_loop_never_spins() {
    assertEquals(1, HealthVerifier.nextPauseMillis(300, PLAN, 5_000, 6_000));
  }
}
