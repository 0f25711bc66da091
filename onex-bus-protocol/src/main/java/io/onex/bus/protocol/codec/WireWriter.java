package io.onex.bus.protocol.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * A growable big-endian buffer for writing frames. It can be reset and reused, so a loop that
 * writes many frames allocates only the final array of each. Field lengths are checked here, so
 * every encoder rejects an oversize string with {@link IllegalArgumentException} naming the field.
 * Not thread-safe: owned by one thread.
 */
public final class WireWriter {
  /**
   * The largest buffer {@link #handOver} gives away: G1 treats an array of half a region or more as
   * humongous, and with the smallest regions (1 MiB) that is 512 KiB.
   */
  public static final int HAND_OVER_MAX_BYTES = 512 * 1024;

  private byte[] buf;
  private int pos;

  public WireWriter(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  public WireWriter() {
    this(256);
  }

  /** Forgets what was written; keeps the buffer. */
  public WireWriter reset() {
    pos = 0;
    return this;
  }

  public int position() {
    return pos;
  }

  /** The backing array; valid up to {@link #position()}. */
  public byte[] buffer() {
    return buf;
  }

  /** A copy of what was written. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buf, pos);
  }

  /**
   * What was written, as the first {@link #position()} bytes of the returned array, without copying
   * when at least half the buffer is used: the writer then hands its buffer over and takes a new
   * one of the same size. A smaller result is copied to an exact array, so a writer that mostly
   * writes small frames does not allocate its whole capacity for each; so is anything written into
   * a buffer larger than {@link #HAND_OVER_MAX_BYTES}, whose replacement could be a humongous
   * allocation for G1. Call {@link #reset} next.
   */
  public byte[] handOver() {
    if (pos < buf.length / 2 || buf.length > HAND_OVER_MAX_BYTES) {
      return toByteArray();
    }
    byte[] out = buf;
    buf = new byte[out.length];
    return out;
  }

  public WireWriter u8(int v) {
    ensure(1);
    buf[pos++] = (byte) v;
    return this;
  }

  public WireWriter u16(int v) {
    ensure(2);
    buf[pos++] = (byte) (v >>> 8);
    buf[pos++] = (byte) v;
    return this;
  }

  public WireWriter u32(int v) {
    ensure(4);
    putU32(buf, pos, v);
    pos += 4;
    return this;
  }

  public WireWriter u64(long v) {
    u32((int) (v >>> 32));
    return u32((int) v);
  }

  /** Overwrites a u32 written earlier (length prefixes filled in after the body). */
  public void putU32At(int at, int v) {
    putU32(buf, at, v);
  }

  /** Overwrites a u16 written earlier (counts filled in after the records). */
  public void putU16At(int at, int v) {
    buf[at] = (byte) (v >>> 8);
    buf[at + 1] = (byte) v;
  }

  public WireWriter bytes(byte[] b) {
    return bytes(b, 0, b.length);
  }

  public WireWriter bytes(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buf, pos, len);
    pos += len;
    return this;
  }

  /** A string with a one-byte length prefix; {@code null} is written as empty. */
  public WireWriter str8(String s, String field) {
    byte[] b = utf8(s);
    if (b.length > 0xFF) {
      throw new IllegalArgumentException(field + " is " + b.length + " bytes; the limit is 255");
    }
    return u8(b.length).bytes(b);
  }

  /** A string with a two-byte length prefix; {@code null} is written as empty. */
  public WireWriter str16(String s, String field) {
    byte[] b = utf8(s);
    if (b.length > 0xFFFF) {
      throw new IllegalArgumentException(field + " is " + b.length + " bytes; the limit is 65535");
    }
    return u16(b.length).bytes(b);
  }

  /** A string map: u8 count, then pairs of str8 key and str16 value. */
  public WireWriter stringMap(Map<String, String> map, String field) {
    if (map.size() > 0xFF) {
      throw new IllegalArgumentException(
          field + " has " + map.size() + " entries; the limit is 255");
    }
    u8(map.size());
    for (Map.Entry<String, String> e : map.entrySet()) {
      str8(e.getKey(), field + " key").str16(e.getValue(), field + " value");
    }
    return this;
  }

  private static byte[] utf8(String s) {
    return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
  }

  private static void putU32(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }

  private void ensure(int n) {
    if (pos + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
    }
  }
}
