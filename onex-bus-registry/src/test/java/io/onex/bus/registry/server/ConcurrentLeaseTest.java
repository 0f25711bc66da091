package io.onex.bus.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.client.RegistryClient;
import io.onex.bus.protocol.registry.RegistryCodec;
import io.onex.bus.registry.RegistryNode;
import io.onex.bus.registry.testkit.RunningRegistry;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,000 lease requests from 8 concurrent clients give 1,000 distinct ports, each of which its
 * holder can bind, and the store holds exactly those leases.
 */
class ConcurrentLeaseTest {
  private static final int CLIENTS = 8;
  private static final int TOTAL = 1000;

  @TempDir Path dir;

  @Test
  void everyConcurrentRequestGetsItsOwnBindablePort() throws Exception {
    try (RegistryNode node = RunningRegistry.start(dir)) {
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      List<Future<List<Integer>>> results = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        Callable<List<Integer>> work =
            () -> {
              List<Integer> ports = new ArrayList<>();
              try (RegistryClient r = RegistryClient.connect(node.endpoint())) {
                for (int i = client; i < TOTAL; i += CLIENTS) {
                  ObjectNode req = RegistryCodec.object();
                  req.put("requester_id", "client-" + client + "-" + i);
                  req.put("node_id", "client-" + client);
                  req.put("ttl", 600);
                  ports.add(r.requestLease(req).path("port").asInt());
                }
              }
              return ports;
            };
        results.add(pool.submit(work));
      }
      List<Integer> all = new ArrayList<>();
      for (Future<List<Integer>> f : results) {
        all.addAll(f.get());
      }
      pool.shutdown();

      assertThat(all).hasSize(TOTAL);
      assertThat(new HashSet<>(all)).hasSize(TOTAL);
      // The registry's own port is leased too.
      assertThat(node.registry().leases().active()).hasSize(TOTAL + 1);
      Set<Integer> unbindable = new HashSet<>();
      for (int port : all) {
        try (ServerSocket s = new ServerSocket()) {
          s.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (java.io.IOException e) {
          unbindable.add(port);
        }
      }
      assertThat(unbindable).isEmpty();
    }
  }
}
