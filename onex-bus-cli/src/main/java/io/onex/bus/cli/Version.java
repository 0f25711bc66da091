package io.onex.bus.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest ("dev" when run from classes). Any thread. */
public final class Version implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Version.class.getPackage().getImplementationVersion();
    return new String[] {"onex " + (v == null ? "dev" : v) + " (protocol v1)"};
  }
}
