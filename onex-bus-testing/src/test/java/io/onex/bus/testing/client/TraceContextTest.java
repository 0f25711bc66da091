package io.onex.bus.testing.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.onex.bus.broker.Broker;
import io.onex.bus.client.BusClient;
import io.onex.bus.client.BusClientOptions;
import io.onex.bus.client.InMemoryBus;
import io.onex.bus.client.PublishOptions;
import io.onex.bus.client.PublishResult;
import io.onex.bus.client.ReceivedEvent;
import io.onex.bus.protocol.codec.EventRecord;
import io.onex.bus.protocol.codec.Frame;
import io.onex.bus.protocol.event.OnexEvent;
import io.onex.bus.protocol.event.OnexEventJson;
import io.onex.bus.testing.RawPeer;
import io.onex.bus.testing.TestBuses;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * W3C trace context and correlation ids through a real broker over TCP: publish → broker →
 * subscriber → reply → original publisher keeps both exactly; an event without trace context gets
 * none; a traceparent that is not the W3C format is ignored and the event is delivered anyway.
 */
class TraceContextTest {
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN_ID = "00f067aa0ba902b7";
  private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + SPAN_ID + "-01";
  private static final Duration DEADLINE = Duration.ofSeconds(10);

  @Test
  void correlationIdAndTraceparentSurviveARequestAndItsReplies() throws Exception {
    try (Broker broker = TestBuses.start("trace");
        BusClient requester = client(broker, "requester");
        BusClient responder = client(broker, "responder")) {
      List<ReceivedEvent> requests = new CopyOnWriteArrayList<>();
      List<SpanContext> spanInHandler = new CopyOnWriteArrayList<>();
      responder
          .subscribe(
              "req.>",
              e -> {
                requests.add(e);
                spanInHandler.add(Span.current().getSpanContext());
                // A reply through the explicit API, and a derived event that only relies on the
                // handler's current context for its trace.
                responder.publish(
                    "rep.answer",
                    OnexEvent.create("responder", "REPLY", null),
                    PublishOptions.derivedFrom(e));
                responder.publish(
                    "rep.derived",
                    OnexEvent.create("responder", "DERIVED", null)
                        .withCorrelationId(e.correlationId()));
              })
          .ready()
          .get();
      List<ReceivedEvent> replies = new CopyOnWriteArrayList<>();
      requester.subscribe("rep.>", replies::add).ready().get();

      SpanContext parent =
          SpanContext.create(
              TRACE_ID,
              SPAN_ID,
              TraceFlags.getSampled(),
              TraceState.builder().put("vendor", "abc").build());
      PublishResult sent =
          Context.root()
              .with(Span.wrap(parent))
              .wrap(
                  () ->
                      requester
                          .publish(
                              "req.ask",
                              OnexEvent.create("requester", "ASK", null)
                                  .withCorrelationId("corr-42"))
                          .get())
              .call();
      assertThat(sent.status()).isEqualTo(PublishResult.Status.ACCEPTED);

      Awaitility.await().atMost(DEADLINE).until(() -> replies.size() == 2);
      ReceivedEvent request = requests.get(0);
      assertThat(request.correlationId()).isEqualTo("corr-42");
      assertThat(request.traceparent()).isEqualTo(TRACEPARENT);
      assertThat(request.extensions())
          .containsExactly(
              Map.entry("traceparent", TRACEPARENT), Map.entry("tracestate", "vendor=abc"));
      assertThat(spanInHandler.get(0).getTraceId()).isEqualTo(TRACE_ID);
      assertThat(spanInHandler.get(0).getSpanId()).isEqualTo(SPAN_ID);
      assertThat(spanInHandler.get(0).isRemote()).isTrue();

      for (ReceivedEvent reply : replies) {
        assertThat(reply.correlationId()).as(reply.topic()).isEqualTo("corr-42");
        assertThat(reply.traceparent()).as(reply.topic()).isEqualTo(TRACEPARENT);
        assertThat(reply.extensions().get("tracestate")).as(reply.topic()).isEqualTo("vendor=abc");
        assertThat(OnexEventJson.mapper().readTree(reply.payload()).path("correlation_id").asText())
            .isEqualTo("corr-42");
      }
      assertThat(replies)
          .extracting(ReceivedEvent::topic)
          .containsExactlyInAnyOrder("rep.answer", "rep.derived");
    }
  }

  @Test
  void anEventPublishedWithoutTraceContextCarriesNone() throws Exception {
    try (Broker broker = TestBuses.start("untraced");
        BusClient sub = client(broker, "sub");
        BusClient pub = client(broker, "pub")) {
      List<ReceivedEvent> got = new CopyOnWriteArrayList<>();
      List<Boolean> tracedInHandler = new CopyOnWriteArrayList<>();
      sub.subscribe(
              "u.>",
              e -> {
                got.add(e);
                tracedInHandler.add(Span.current().getSpanContext().isValid());
              })
          .ready()
          .get();

      pub.publish("u.x", OnexEvent.create("pub", "TICK", null)).get();

      Awaitility.await().atMost(DEADLINE).until(() -> got.size() == 1);
      assertThat(got.get(0).hasExtensions()).isFalse();
      assertThat(got.get(0).extensions()).isEmpty();
      assertThat(got.get(0).traceparent()).isNull();
      assertThat(tracedInHandler).containsExactly(false);
    }
  }

  @Test
  void anExplicitContextInTheOptionsWinsOverTheCallersCurrentOne() throws Exception {
    try (Broker broker = TestBuses.start("explicit");
        BusClient sub = client(broker, "sub");
        BusClient pub = client(broker, "pub")) {
      List<ReceivedEvent> got = new CopyOnWriteArrayList<>();
      sub.subscribe("x.>", got::add).ready().get();
      SpanContext given =
          SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getDefault(), TraceState.getDefault());
      SpanContext other =
          SpanContext.create(
              "0af7651916cd43dd8448eb211c80319c",
              "b7ad6b7169203331",
              TraceFlags.getSampled(),
              TraceState.getDefault());

      Context.root()
          .with(Span.wrap(other))
          .wrap(
              () ->
                  pub.publish(
                          "x.y",
                          OnexEvent.create("pub", "TICK", null),
                          PublishOptions.NONE.withTraceContext(
                              Context.root().with(Span.wrap(given))))
                      .get())
          .call();

      Awaitility.await().atMost(DEADLINE).until(() -> got.size() == 1);
      assertThat(got.get(0).traceparent()).isEqualTo("00-" + TRACE_ID + "-" + SPAN_ID + "-00");
      assertThat(got.get(0).extensions()).doesNotContainKey("tracestate");
    }
  }

  @Test
  void aGarbageTraceparentIsIgnoredAndTheEventDelivered() throws Exception {
    try (Broker broker = TestBuses.start("garbage");
        BusClient sub = client(broker, "sub");
        RawPeer peer = new RawPeer(broker.endpoint())) {
      List<ReceivedEvent> got = new CopyOnWriteArrayList<>();
      List<Boolean> tracedInHandler = new CopyOnWriteArrayList<>();
      sub.subscribe(
              "g.>",
              e -> {
                got.add(e);
                tracedInHandler.add(Span.current().getSpanContext().isValid());
              })
          .ready()
          .get();
      peer.hello("python-peer");
      Map<String, String> ext = new LinkedHashMap<>();
      ext.put("traceparent", "not-a-trace-parent");
      ext.put("x-future", "kept");
      byte[] payload = OnexEventJson.write(OnexEvent.create("python-peer", "TICK", null));
      peer.send(
          new Frame.Publish(
              1, List.of(new EventRecord(0, "g.x", "TICK", "c-1", Map.of(), ext, payload))));

      Awaitility.await().atMost(DEADLINE).until(() -> got.size() == 1);
      ReceivedEvent e = got.get(0);
      assertThat(e.correlationId()).isEqualTo("c-1");
      assertThat(e.traceparent()).isNull();
      assertThat(e.extensions()).isEqualTo(ext);
      assertThat(tracedInHandler).containsExactly(false);
      assertThat(sub.handlerErrors()).isZero();
    }
  }

  @Test
  void theInMemoryBusPropagatesTheSameWay() throws Exception {
    try (InMemoryBus bus = new InMemoryBus()) {
      List<ReceivedEvent> replies = new CopyOnWriteArrayList<>();
      bus.subscribe(
              "req.>",
              e ->
                  bus.publish(
                      "rep.x",
                      OnexEvent.create("responder", "REPLY", null),
                      PublishOptions.derivedFrom(e)))
          .ready()
          .get();
      bus.subscribe("rep.>", replies::add).ready().get();
      SpanContext parent =
          SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault());

      Context.root()
          .with(Span.wrap(parent))
          .wrap(
              () ->
                  bus.publish(
                          "req.x",
                          OnexEvent.create("requester", "ASK", null).withCorrelationId("mem-1"))
                      .get())
          .call();

      Awaitility.await().atMost(DEADLINE).until(() -> replies.size() == 1);
      assertThat(replies.get(0).correlationId()).isEqualTo("mem-1");
      assertThat(replies.get(0).traceparent()).isEqualTo(TRACEPARENT);
    }
  }

  private static BusClient client(Broker broker, String node) {
    return BusClient.connect(
        BusClientOptions.builder().endpoint(broker.endpoint()).nodeId(node).build());
  }
}
