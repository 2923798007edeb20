package dev.steward.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar's manifest. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Steward.class.getPackage().getImplementationVersion();
    return new String[] {"steward " + (version == null ? "(development build)" : version)};
  }
}
