package io.onex.bus.broker.policy;

import java.util.regex.Pattern;

/**
 * A node-id glob from a policy: {@code *} stands for any characters (none included), everything
 * else is literal. Compiled once, when the bus starts. Immutable; any thread.
 */
final class NodeGlob {
  private final Pattern regex;

  NodeGlob(String glob) {
    StringBuilder re = new StringBuilder();
    int start = 0;
    for (int i = glob.indexOf('*'); i >= 0; i = glob.indexOf('*', start)) {
      re.append(Pattern.quote(glob.substring(start, i))).append(".*");
      start = i + 1;
    }
    re.append(Pattern.quote(glob.substring(start)));
    this.regex = Pattern.compile(re.toString());
  }

  boolean matches(String nodeId) {
    return regex.matcher(nodeId).matches();
  }
}
