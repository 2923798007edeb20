package dev.steward.workflows.host;

/** How revisions are shown to people: the first seven hex digits, as git does. */
public final class Revisions {
  private Revisions() {}

  /** The revision's first seven characters; "null" when there is none. */
  public static String short7(String revision) {
    return revision == null || revision.length() < 7
        ? String.valueOf(revision)
        : revision.substring(0, 7);
  }
}
