package dev.steward.worker.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One value of steward.yaml together with where it came from: its dotted key and its line. Every
 * typed read either returns a value or throws a {@link ConfigException} that points at it.
 */
final class ConfigNode {
  private final String file;
  private final String key;
  private final Node node;
  private final int keyLine;

  private ConfigNode(String file, String key, Node node, int keyLine) {
    this.file = file;
    this.key = key;
    this.node = node;
    this.keyLine = keyLine;
  }

  static ConfigNode root(String file, Node node) {
    return new ConfigNode(file, "", node, 1);
  }

  String key() {
    return key;
  }

  /** Whether the key is there with a value; {@code key:} with nothing after it counts as absent. */
  boolean present() {
    return node != null && !(node instanceof ScalarNode && Tag.NULL.equals(node.getTag()));
  }

  /** The line of the value, or of the key that should hold it when it is absent. */
  int line() {
    return node == null ? keyLine : node.getStartMark().getLine() + 1;
  }

  ConfigException error(String what, String fix) {
    return ConfigException.at(file, line(), key.isEmpty() ? "(top level)" : key, what, fix);
  }

  /** An error about the key itself, reported on the key's line. */
  ConfigException keyError(String what, String fix) {
    return ConfigException.at(file, keyLine, key, what, fix);
  }

  ConfigException missing(String fix) {
    return error(node == null ? "missing" : "is empty", fix);
  }

  /** This value as a mapping; {@code example} shows one of its keys for the hint. */
  ConfigMap map(String example) {
    if (!(node instanceof MappingNode mapping)) {
      throw notA("a mapping", "write its keys indented under it, e.g. " + example);
    }
    Map<String, ConfigNode> children = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      int line = keyNode.getStartMark().getLine() + 1;
      if (!(keyNode instanceof ScalarNode name)) {
        throw ConfigException.at(
            file, line, key, "has a key that is not a name", "use plain names");
      }
      ConfigNode child =
          new ConfigNode(file, childKey(name.getValue()), tuple.getValueNode(), line);
      if (children.putIfAbsent(name.getValue(), child) != null) {
        throw child.keyError("appears twice", "keep one of them");
      }
    }
    return new ConfigMap(this, children);
  }

  private String childKey(String name) {
    return key.isEmpty() ? name : key + "." + name;
  }

  /** A key that is absent under this mapping, reported on this node's key line. */
  ConfigNode absentChild(String name) {
    return new ConfigNode(file, childKey(name), null, keyLine);
  }

  /** This value as a list of values, each keyed {@code key[i]}. */
  List<ConfigNode> items(String example) {
    if (!(node instanceof SequenceNode sequence)) {
      throw notA("a list", "write it as a list, e.g. " + example);
    }
    List<ConfigNode> items = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      int line = item.getStartMark().getLine() + 1;
      items.add(new ConfigNode(file, key + "[" + items.size() + "]", item, line));
    }
    return items;
  }

  /** This value's text when it is a single value, else null (a mapping, a list, absent). */
  String scalar() {
    return present() && node instanceof ScalarNode scalar ? scalar.getValue() : null;
  }

  /** This value as text; numbers and booleans are taken as written. */
  String text(String example) {
    if (!present()) {
      throw missing("set it, e.g. " + example);
    }
    if (!(node instanceof ScalarNode scalar)) {
      throw notA("a single value", "write one value, e.g. " + example);
    }
    return scalar.getValue();
  }

  /** This value as an argv list: a non-empty list of single values. */
  List<String> argv(String example) {
    if (node instanceof ScalarNode scalar && present()) {
      String suggestion = "[" + String.join(", ", scalar.getValue().trim().split("\\s+")) + "]";
      throw error(quote(scalar.getValue()) + " is not a list", "write it as a list: " + suggestion);
    }
    List<String> argv = strings(example);
    if (argv.isEmpty()) {
      throw error("is an empty command", "write the program and its arguments, e.g. " + example);
    }
    return argv;
  }

  /** This value as a list of single values, possibly empty. */
  List<String> strings(String example) {
    List<String> values = new ArrayList<>();
    for (ConfigNode item : items(example)) {
      values.add(item.text(example));
    }
    return List.copyOf(values);
  }

  private ConfigException notA(String expected, String fix) {
    if (!present()) {
      return missing(fix);
    }
    if (node instanceof ScalarNode scalar) {
      return error(quote(scalar.getValue()) + " is not " + expected, fix);
    }
    String found = node instanceof MappingNode ? "a mapping" : "a list";
    return error("expected " + expected + ", found " + found, fix);
  }

  /** Quotes a value for a one-line message. */
  static String quote(String value) {
    String oneLine = value.replaceAll("\\s+", " ");
    return "\"" + (oneLine.length() > 60 ? oneLine.substring(0, 57) + "..." : oneLine) + "\"";
  }
}
