package dev.steward.worker.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The host counts a fleet writes as a number or a percentage ({@code canary: 1}, {@code batches:
 * [2, 50%]}), and the batches they cut a fleet's hosts into.
 */
final class FleetBatches {
  private static final Pattern PERCENT = Pattern.compile("(\\d+)\\s*%");

  private FleetBatches() {}

  /**
   * The hosts of each batch, in order: the canary's first, then one batch of each size, the last
   * size repeating until every host is in one; the last batch takes what remains.
   *
   * @param canary hosts in the first batch, at least 1
   * @param sizes the later batches' sizes, each at least 1, not empty
   */
  static List<List<String>> resolve(List<String> hosts, int canary, List<Integer> sizes) {
    List<List<String>> batches = new ArrayList<>();
    int from = 0;
    int size = canary;
    while (from < hosts.size()) {
      int to = Math.min(hosts.size(), from + size);
      batches.add(List.copyOf(hosts.subList(from, to)));
      from = to;
      size = sizes.get(Math.min(batches.size() - 1, sizes.size() - 1));
    }
    return List.copyOf(batches);
  }

  /**
   * A count of hosts written as a whole number or a percentage of the fleet's {@code hosts} hosts;
   * a percentage rounds up, to at least one host.
   *
   * @param least the smallest number allowed (0 for a budget, 1 for a batch)
   */
  static int count(ConfigNode node, int hosts, int least, String example) {
    String text = node.text(example).trim();
    Matcher percent = PERCENT.matcher(text);
    if (percent.matches()) {
      int p = parse(percent.group(1));
      if (p < 1 || p > 100) {
        throw node.error(
            ConfigNode.quote(text) + " is not a percentage from 1% to 100%",
            least == 0 ? "write 0 for none, or e.g. 10%" : "write e.g. 25%");
      }
      return Math.max(1, (int) Math.ceil(p * (double) hosts / 100));
    }
    if (!text.matches("\\d+")) {
      throw node.error(
          ConfigNode.quote(text) + " is not a number of hosts or a percentage",
          "write e.g. " + example);
    }
    int count = parse(text);
    if (count < least) {
      throw node.error(text + " is too few hosts", "write at least " + least);
    }
    return count;
  }

  private static int parse(String digits) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException tooLarge) {
      return Integer.MAX_VALUE;
    }
  }
}
