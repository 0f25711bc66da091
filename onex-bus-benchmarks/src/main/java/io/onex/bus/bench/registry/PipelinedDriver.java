package io.onex.bus.bench.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.registry.RegistryCodec;
import io.onex.bus.protocol.registry.RegistryCommand;
import io.onex.bus.protocol.registry.RegistryReply;
import io.onex.bus.transport.SocketLimits;
import io.onex.bus.transport.Sockets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A raw DEALER speaking the registry's wire format (a command frame, then a JSON body with {@code
 * request_id}; replies are {@code OK}/{@code ERROR} and the same {@code request_id}) with up to
 * {@code window} requests in flight, replies matched by {@code request_id}. It shows what the
 * registry's single loop can serve when the round trip does not pace each client. The client's own
 * thread.
 */
final class PipelinedDriver implements RegistryDriver {
  private static final long REPLY_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);
  private final ZContext context = new ZContext(1);
  private final ZMQ.Socket socket;
  private final String idPrefix;
  private final int window;
  private long nextId;

  /** Connects and waits for one answered QUERY, so that no run measures the connection. */
  PipelinedDriver(String endpoint, int client, int window) {
    this.window = window;
    this.idPrefix = "bench-p" + client + ".";
    socket = Sockets.dealer(context, SocketLimits.CLIENT_DEFAULT);
    socket.setSendTimeOut(5_000);
    socket.setReceiveTimeOut(100);
    socket.connect(endpoint);
    ClientScript.Call query =
        new ClientScript.Call(RegistryCommand.QUERY, RegistryCodec.object().put("what", "buses"));
    ClientTally probe = new ClientTally();
    run(new OneCall(query), probe);
    if (probe.ok != 1) {
      throw new IllegalStateException("the registry at " + endpoint + " did not answer a QUERY");
    }
  }

  private record Pending(ClientScript.Call call, long sentNanos) {}

  @Override
  public void run(ClientScript script, ClientTally t) {
    Map<String, Pending> inFlight = new HashMap<>(window * 2);
    boolean exhausted = false;
    long lastProgress = System.nanoTime();
    while (true) {
      while (!exhausted && inFlight.size() < window) {
        ClientScript.Call c = script.next();
        if (c == null) {
          exhausted = true;
        } else {
          send(c, inFlight, t);
        }
      }
      if (inFlight.isEmpty()) {
        return;
      }
      byte[] status = socket.recv(0);
      if (status == null) {
        if (System.nanoTime() - lastProgress > REPLY_TIMEOUT_NANOS) {
          t.errors += inFlight.size(); // never answered
          return;
        }
        continue;
      }
      byte[] body = socket.hasReceiveMore() ? socket.recv(0) : new byte[0];
      while (socket.hasReceiveMore()) {
        socket.recv(0);
      }
      long now = System.nanoTime();
      lastProgress = now;
      RegistryReply reply;
      try {
        reply = RegistryCodec.decodeReply(status, body);
      } catch (ProtocolException e) {
        throw new IllegalStateException("the registry answered garbage: " + e.getMessage(), e);
      }
      Pending p = inFlight.remove(reply.requestId());
      if (p == null) {
        continue; // a late answer from an earlier run that timed out
      }
      t.answered(reply.ok(), now - p.sentNanos());
      if (reply.ok()) {
        ClientScript.Call follow = script.answered(p.call(), reply.body());
        if (follow != null) {
          send(follow, inFlight, t);
        }
      }
    }
  }

  private void send(ClientScript.Call c, Map<String, Pending> inFlight, ClientTally t) {
    String id = idPrefix + (++nextId);
    byte[][] frames = RegistryCodec.encodeRequest(c.command(), id, c.body());
    t.sent++;
    long at = System.nanoTime();
    if (!socket.send(frames[0], ZMQ.SNDMORE) || !socket.send(frames[1], 0)) {
      t.errors++;
      return;
    }
    inFlight.put(id, new Pending(c, at));
  }

  @Override
  public void close() {
    context.close();
  }

  /** A script of one request, for the connection probe. */
  private static final class OneCall implements ClientScript {
    private Call call;

    OneCall(Call call) {
      this.call = call;
    }

    @Override
    public Call next() {
      Call c = call;
      call = null;
      return c;
    }

    @Override
    public Call answered(Call c, ObjectNode reply) {
      return null;
    }
  }
}
