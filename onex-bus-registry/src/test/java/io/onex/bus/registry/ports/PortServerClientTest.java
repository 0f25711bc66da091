package io.onex.bus.registry.ports;

import static io.onex.bus.registry.ports.Ports.PID;
import static io.onex.bus.registry.ports.Ports.assertBindable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.onex.bus.registry.ports.PortServerException.Failure;
import io.onex.bus.registry.ports.PortServerProcess.AddressKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The client against the real portpicker port server and against servers that misbehave. */
class PortServerClientTest {
  @TempDir Path dir;

  private PortServerProcess server;
  private FakePortServer fake;
  private String fakeAddress;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (fake != null) {
      fake.close();
    }
  }

  @ParameterizedTest
  @EnumSource(AddressKind.class)
  void theRealServerHandsOutDistinctBindablePortsFromItsPool(AddressKind kind) throws Exception {
    server = PortServerProcess.startWithRandomPool(kind.address(dir), 200, dir);
    PortServerClient client = new PortServerClient(server.address);

    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      int port = client.requestPort(PID);
      assertThat(server.inPool(port))
          .as("port %d from pool %d-%d", port, server.low, server.high)
          .isTrue();
      assertThat(seen.add(port)).as("port %d handed out twice", port).isTrue();
      assertBindable(port);
    }
  }

  @Test
  void theRealServerSaysNothingWhenItsPoolIsUsedUp() throws Exception {
    server = PortServerProcess.startWithRandomPool(AddressKind.ABSTRACT.address(dir), 2, dir);
    PortServerClient client = new PortServerClient(server.address);
    client.requestPort(PID);
    client.requestPort(PID);

    PortServerException e = thrown(() -> client.requestPort(PID));

    assertThat(e.failure()).isEqualTo(Failure.EMPTY_REPLY);
    assertThat(e).hasMessageContaining(server.address).hasMessageContaining("gave no port");
  }

  @Test
  void theRealServerRefusesAPidWithoutAProcess() throws Exception {
    server = PortServerProcess.startWithRandomPool(AddressKind.ABSTRACT.address(dir), 5, dir);
    PortServerClient client = new PortServerClient(server.address);

    // Above Linux's largest pid_max (2^22), so no such process exists.
    PortServerException e = thrown(() -> client.requestPort(Integer.MAX_VALUE));

    assertThat(e.failure()).isEqualTo(Failure.EMPTY_REPLY);
  }

  @ParameterizedTest
  @EnumSource(AddressKind.class)
  void nothingListeningMeansCannotConnect(AddressKind kind) {
    String nobody =
        kind == AddressKind.ABSTRACT
            ? "@onex-test-nobody-" + UUID.randomUUID()
            : dir.resolve("nobody.sock").toString();
    PortServerClient client = new PortServerClient(nobody);

    PortServerException e = thrown(() -> client.requestPort(PID));

    assertThat(e.failure()).isEqualTo(Failure.CANNOT_CONNECT);
    assertThat(e).hasMessageContaining("port server at " + nobody + " cannot connect");
  }

  @Test
  void sendsThePidAndANewline() throws Exception {
    String address = fakeAnswering("12345\n");

    assertThat(new PortServerClient(address).requestPort(PID)).isEqualTo(12345);
    assertThat(fake.requests.take()).isEqualTo(PID + "\n");
  }

  @Test
  void aNumberCutOffByTheEndOfTheStreamIsAcceptedAsPortpickerDoes() throws Exception {
    assertThat(new PortServerClient(fakeAnswering("4242")).requestPort(PID)).isEqualTo(4242);
  }

  @Test
  void aClosedConnectionWithoutReplyIsAnEmptyReply() throws Exception {
    PortServerException e = failureFrom(fakeAnswering(""));

    assertThat(e.failure()).isEqualTo(Failure.EMPTY_REPLY);
    assertThat(e).hasMessageContaining("gave no port for pid " + PID);
  }

  @Test
  void garbageIsQuotedWithEscapes() throws Exception {
    PortServerException e = failureFrom(fakeAnswering("hello\n"));

    assertThat(e.failure()).isEqualTo(Failure.GARBAGE_REPLY);
    assertThat(e).hasMessageContaining("answered garbage").hasMessageContaining("\"hello\\n\"");
  }

  @Test
  void binaryGarbageIsEscapedByteByByte() throws Exception {
    fake = new FakePortServer(abstractAddress(), new byte[] {0, (byte) 0xff, '7', '"', '\n'});

    PortServerException e = failureFrom(fakeAddress);

    assertThat(e.failure()).isEqualTo(Failure.GARBAGE_REPLY);
    assertThat(e).hasMessageContaining("\"\\x00\\xff7\\\"\\n\"");
  }

  @Test
  void longGarbageIsQuotedOnlyInPart() throws Exception {
    PortServerException e = failureFrom(fakeAnswering("a".repeat(500)));

    assertThat(e.failure()).isEqualTo(Failure.GARBAGE_REPLY);
    assertThat(e).hasMessageContaining("\"" + "a".repeat(32) + "\"... (64 bytes or more)");
  }

  @Test
  void numbersThatAreNoPortAreGarbage() throws Exception {
    for (String reply : new String[] {"0\n", "65536\n", "-5\n", " 80\n", "123456\n", "\n"}) {
      PortServerException e = failureFrom(fakeAnswering(reply));
      assertThat(e.failure()).as("reply %s", reply).isEqualTo(Failure.GARBAGE_REPLY);
      fake.close();
    }
    fake = null;
  }

  @Test
  void garbageFromAServerOnAPathIsReportedLikewise() throws Exception {
    String path = dir.resolve("fake.sock").toString();
    fake = new FakePortServer(path, "no\n".getBytes(StandardCharsets.US_ASCII));

    PortServerException e = failureFrom(path);

    assertThat(e.failure()).isEqualTo(Failure.GARBAGE_REPLY);
    assertThat(e).hasMessageContaining("port server at " + path).hasMessageContaining("\"no\\n\"");
  }

  @Test
  void aServerThatNeverAnswersTimesOut() throws Exception {
    fake = new FakePortServer(abstractAddress(), null);
    PortServerClient client = new PortServerClient(fakeAddress, Duration.ofMillis(200));

    PortServerException e = thrown(() -> client.requestPort(PID));

    assertThat(e.failure()).isEqualTo(Failure.TIMED_OUT);
    assertThat(e).hasMessageContaining("timed out waiting for a reply");
  }

  @Test
  void rejectsEmptyAddressesAndImpossiblePids() {
    assertThatIllegalArgumentException().isThrownBy(() -> new PortServerClient(""));
    assertThatIllegalArgumentException().isThrownBy(() -> new PortServerClient("@"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new PortServerClient("@x", Duration.ZERO));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new PortServerClient("@x").requestPort(0));
  }

  private String abstractAddress() {
    fakeAddress = "@onex-test-fake-" + UUID.randomUUID();
    return fakeAddress;
  }

  private String fakeAnswering(String reply) throws Exception {
    fake = new FakePortServer(abstractAddress(), reply.getBytes(StandardCharsets.ISO_8859_1));
    return fakeAddress;
  }

  /** What {@code call} throws, which must be a PortServerException. */
  static PortServerException thrown(ThrowingCallable call) {
    PortServerException e = catchThrowableOfType(PortServerException.class, call);
    assertThat(e).as("a PortServerException").isNotNull();
    return e;
  }

  private static PortServerException failureFrom(String address) {
    return thrown(() -> new PortServerClient(address).requestPort(PID));
  }
}
