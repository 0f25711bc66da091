package io.onex.bus.bench.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.client.RegistryCallException;
import io.onex.bus.client.RegistryClient;

/**
 * The real node library: one {@link RegistryClient}, one request in flight, each call waiting for
 * its reply (default 5 s timeout). This is the rate a node using the client library gets. The
 * client's own thread.
 */
final class SyncDriver implements RegistryDriver {
  private final RegistryClient client;

  /** Connects and waits for one answered QUERY, so that no run measures the connection. */
  SyncDriver(String endpoint) {
    client = RegistryClient.connect(endpoint);
    client.query("buses");
  }

  @Override
  public void run(ClientScript script, ClientTally t) {
    for (ClientScript.Call call = script.next(); call != null; call = script.next()) {
      ClientScript.Call c = call;
      while (c != null) {
        t.sent++;
        long start = System.nanoTime();
        ObjectNode reply;
        try {
          reply = client.call(c.command(), c.body());
        } catch (RegistryCallException e) {
          t.answered(false, System.nanoTime() - start);
          break;
        }
        t.answered(true, System.nanoTime() - start);
        c = script.answered(c, reply);
      }
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
