package dev.steward.workflows.host;

import java.util.function.Function;

/** Reads an enum from its wire word, for the {@code @JsonCreator} of Steward's wire enums. */
public final class WireEnums {
  private WireEnums() {}

  /**
   * The constant of {@code type} whose wire word is {@code wire}; null for null.
   *
   * @throws IllegalArgumentException for a word no constant has
   */
  public static <E extends Enum<E>> E of(Class<E> type, String wire, Function<E, String> wireOf) {
    if (wire == null) {
      return null;
    }
    for (E constant : type.getEnumConstants()) {
      if (wireOf.apply(constant).equals(wire)) {
        return constant;
      }
    }
    throw new IllegalArgumentException("no " + type.getSimpleName() + " is called " + wire);
  }
}
