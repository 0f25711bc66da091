package io.onex.bus.protocol.codec;

import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.ProtocolException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads big-endian protocol fields from a byte array, checking every bound. Any read past the end,
 * or any string that is not valid UTF-8, throws {@link ProtocolException} with {@link
 * ErrorCode#MALFORMED_FRAME}: a decoder built on it can never throw anything else. Not thread-safe:
 * one reader per decode.
 */
public final class WireReader {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080_8080_8080_8080L;
  private final byte[] buf;
  private final int limit;
  private int pos;

  /** Reads {@code buf[offset, limit)}. */
  public WireReader(byte[] buf, int offset, int limit) {
    this.buf = buf;
    this.pos = offset;
    this.limit = limit;
  }

  /** Reads the whole array. */
  public WireReader(byte[] buf) {
    this(buf, 0, buf.length);
  }

  public int position() {
    return pos;
  }

  public int remaining() {
    return limit - pos;
  }

  public byte[] buffer() {
    return buf;
  }

  /** Moves past {@code n} bytes without reading them. */
  public void skip(int n) throws ProtocolException {
    need(n, "bytes");
    pos += n;
  }

  public int u8() throws ProtocolException {
    need(1, "u8");
    return buf[pos++] & 0xFF;
  }

  public int u16() throws ProtocolException {
    need(2, "u16");
    int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
    pos += 2;
    return v;
  }

  /** An unsigned 32-bit value as a signed int: callers compare it with non-negative limits. */
  public int u32() throws ProtocolException {
    need(4, "u32");
    int v =
        ((buf[pos] & 0xFF) << 24)
            | ((buf[pos + 1] & 0xFF) << 16)
            | ((buf[pos + 2] & 0xFF) << 8)
            | (buf[pos + 3] & 0xFF);
    pos += 4;
    return v;
  }

  public long u64() throws ProtocolException {
    long hi = u32() & 0xFFFFFFFFL;
    long lo = u32() & 0xFFFFFFFFL;
    return (hi << 32) | lo;
  }

  /** A length (u32) that must fit what is left of the frame. */
  public int length32(String what) throws ProtocolException {
    int n = u32();
    if (n < 0 || n > remaining()) {
      throw malformed(what + " length " + Integer.toUnsignedString(n) + " exceeds the frame");
    }
    return n;
  }

  /** A string with a one-byte length prefix. */
  public String str8() throws ProtocolException {
    return utf8(u8());
  }

  /** A string with a two-byte length prefix. */
  public String str16() throws ProtocolException {
    return utf8(u16());
  }

  /** {@code n} bytes copied out. */
  public byte[] bytes(int n) throws ProtocolException {
    need(n, "bytes");
    byte[] out = new byte[n];
    System.arraycopy(buf, pos, out, 0, n);
    pos += n;
    return out;
  }

  /** A string map: u8 count, then count pairs of str8 key and str16 value. */
  public Map<String, String> stringMap() throws ProtocolException {
    int count = u8();
    if (count == 0) {
      return Collections.emptyMap();
    }
    Map<String, String> map = new LinkedHashMap<>(count * 2);
    for (int i = 0; i < count; i++) {
      String key = str8();
      if (map.put(key, str16()) != null) {
        throw malformed("duplicate key '" + key + "'");
      }
    }
    return Collections.unmodifiableMap(map);
  }

  /** Fails unless every byte was read: trailing garbage is an error, not something to ignore. */
  public void expectEnd(String what) throws ProtocolException {
    if (pos != limit) {
      throw malformed(what + " has " + (limit - pos) + " unexpected trailing bytes");
    }
  }

  private String utf8(int n) throws ProtocolException {
    need(n, "string");
    String s = decodeUtf8(buf, pos, n);
    pos += n;
    return s;
  }

  /** Strict UTF-8 decoding: malformed input is a protocol error, never a replacement character. */
  public static String decodeUtf8(byte[] b, int off, int len) throws ProtocolException {
    if (isAscii(b, off, len)) {
      return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(b, off, len))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ProtocolException(ErrorCode.MALFORMED_FRAME, "string is not valid UTF-8", "");
    }
  }

  /** Checks strict UTF-8 without building a string when the bytes are ASCII (the usual case). */
  public static void checkUtf8(byte[] b, int off, int len) throws ProtocolException {
    if (!isAscii(b, off, len)) {
      decodeUtf8(b, off, len);
    }
  }

  private static boolean isAscii(byte[] b, int off, int len) {
    int end = off + len;
    int i = off;
    // Eight bytes at a time: topics and event types are checked once per event on both sides.
    for (; i + Long.BYTES <= end; i += Long.BYTES) {
      if (((long) LONGS.get(b, i) & HIGH_BITS) != 0) {
        return false;
      }
    }
    for (; i < end; i++) {
      if (b[i] < 0) {
        return false;
      }
    }
    return true;
  }

  private void need(int n, String what) throws ProtocolException {
    if (n < 0 || n > limit - pos) {
      throw malformed("truncated " + what + " at byte " + pos);
    }
  }

  static ProtocolException malformed(String message) {
    return new ProtocolException(ErrorCode.MALFORMED_FRAME, message, "");
  }
}
