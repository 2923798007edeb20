package dev.steward.workflows.fleet;

import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Work on many hosts, at most so many at once. Workflow code: workflow threads, no others. */
final class Bounded {
  private Bounded() {}

  /**
   * {@code work} for each of {@code hosts}, at most {@code most} at once; answers in their order.
   */
  static <T> Map<String, T> each(List<String> hosts, int most, Function<String, T> work) {
    Map<String, T> answers = new LinkedHashMap<>();
    int[] busy = {0};
    List<Promise<Void>> all = new ArrayList<>();
    for (String host : hosts) {
      Workflow.await(() -> busy[0] < most);
      busy[0]++;
      all.add(
          Async.procedure(
              () -> {
                try {
                  answers.put(host, work.apply(host));
                } finally {
                  busy[0]--;
                }
              }));
    }
    Promise.allOf(all).get();
    Map<String, T> inOrder = new LinkedHashMap<>();
    hosts.forEach(h -> inOrder.put(h, answers.get(h)));
    return inOrder;
  }
}
