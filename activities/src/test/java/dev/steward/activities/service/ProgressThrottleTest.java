package dev.steward.activities.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.steward.workflows.pipeline.HealthProgress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The throttle on its own, with the clock readings given by the test instead of waited for. */
class ProgressThrottleTest {
  private static final long SECOND = 1_000_000_000L;

  private final List<String> sent = new ArrayList<>();
  private final ProgressThrottle throttle =
      new ProgressThrottle(p -> sent.add(p.describe()), Duration.ofSeconds(2), 0);

  private void offer(long stableSeconds, long atSecond) {
    throttle.offer(
        new HealthProgress(stableSeconds * 1000, 10_000, atSecond * 1000, 60_000),
        atSecond * SECOND);
  }

  @Test
  void sends_at_most_one_report_per_interval_and_none_before_the_first() {
    offer(0, 0);
    offer(1, 1);
    offer(2, 2);
    offer(3, 3);
    offer(4, 4);

    assertEquals(List.of("2 s of 10 s stable", "4 s of 10 s stable"), sent);
  }

  @Test
  void sends_nothing_while_what_people_read_stays_the_same() {
    offer(0, 2);
    offer(0, 5);
    offer(0, 9);
    offer(1, 12);

    assertEquals(List.of("0 s of 10 s stable", "1 s of 10 s stable"), sent);
  }
}
