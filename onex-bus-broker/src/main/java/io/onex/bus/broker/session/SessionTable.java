package io.onex.bus.broker.session;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sessions of one broker by ZeroMQ routing id. Remembers the last lookup, since consecutive
 * messages very often come from the same peer. Owned by the broker loop thread.
 */
public final class SessionTable {
  private final Map<String, Session> byRoutingId = new HashMap<>();
  private byte[] lastId;
  private Session last;

  /** The session of this routing id, or null before its HELLO. */
  public Session get(byte[] routingId) {
    if (last != null && java.util.Arrays.equals(lastId, routingId)) {
      return last;
    }
    Session s = byRoutingId.get(key(routingId));
    if (s != null) {
      lastId = routingId;
      last = s;
    }
    return s;
  }

  public void put(Session s) {
    byRoutingId.put(key(s.routingId()), s);
    forgetLast();
  }

  public void remove(Session s) {
    byRoutingId.remove(key(s.routingId()));
    forgetLast();
  }

  public int size() {
    return byRoutingId.size();
  }

  public Collection<Session> all() {
    return byRoutingId.values();
  }

  /** A copy, for loops that remove while iterating. */
  public List<Session> snapshot() {
    return new ArrayList<>(byRoutingId.values());
  }

  private void forgetLast() {
    lastId = null;
    last = null;
  }

  private static String key(byte[] routingId) {
    // ISO-8859-1 maps every byte to one char, so the key is exact and cheap.
    return new String(routingId, StandardCharsets.ISO_8859_1);
  }
}
