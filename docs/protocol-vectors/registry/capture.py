#!/usr/bin/env python3
"""Capture and check the registry protocol vectors against a running registry.

  python3 capture.py capture tcp://127.0.0.1:PORT   # a FRESH registry: rewrites the valid vectors
  python3 capture.py capture-schemas tcp://127.0.0.1:PORT   # a FRESH registry: the 32..48 vectors
  python3 capture.py check   tcp://127.0.0.1:PORT   # any registry: replays every vector

`capture-schemas` runs the schema commands' scenario alone (a registration, the same document
again, reads, a listing, the history, a deletion, a broker's heartbeat reply with its
bus_settings) and writes only vectors 32 to 48. `capture` runs one scenario (a node, a broker, leases, queries, a goodbye) and writes each
request as sent and each reply as received into this folder. It needs a registry with an empty
store (`onex registry start --home <empty dir>`) and port 5555 free. `check` sends every
`invalid/` vector and expects its error code, and sends every request vector and expects it to
pass the protocol checks (a refusal for the registry's state, such as UNKNOWN_LEASE, is fine).
Only pyzmq is needed. The files are the source of truth; this script only drafts them.
"""

import json
import os
import sys

import zmq

HERE = os.path.dirname(os.path.abspath(__file__))
# Refusals that mean "the message itself is wrong", as opposed to "not in this registry's state".
PROTOCOL_CODES = {1001, 1002, 1005, 9001, 9007}


def connect(endpoint):
    ctx = zmq.Context.instance()
    sock = ctx.socket(zmq.DEALER)
    sock.setsockopt(zmq.MAXMSGSIZE, 1 << 20)
    sock.setsockopt(zmq.LINGER, 0)
    sock.setsockopt(zmq.RCVTIMEO, 5000)
    sock.connect(endpoint)
    return sock


def exchange(sock, frames):
    sock.send_multipart([f.encode("utf-8") for f in frames])
    return [f.decode("utf-8") for f in sock.recv_multipart()]


def compact(body):
    """What Java's RegistryClient sends: compact JSON, raw UTF-8."""
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False)


def plain(body):
    """What a Python node sends with a bare json.dumps: spaces, non-ASCII escaped."""
    return json.dumps(body)


def write(name, description, direction, frames, **extra):
    v = {"name": name, "description": description, "direction": direction, "frames": frames}
    v.update(extra)
    with open(os.path.join(HERE, name + ".json"), "w", encoding="utf-8") as f:
        json.dump(v, f, indent=2, ensure_ascii=False)
        f.write("\n")


def capture(endpoint):
    sock = connect(endpoint)
    sent = {}

    def request(name, description, command, body_text):
        frames = [command, body_text]
        write(name, description, "node -> registry", frames)
        sent[name] = frames
        status, reply = exchange(sock, frames)
        if status != "OK":
            sys.exit(f"{name}: the registry refused it: {reply}")
        return json.loads(reply), [status, reply]

    def reply(name, description, frames, in_reply_to=None):
        extra = {"in_reply_to": in_reply_to} if in_reply_to else {}
        write(name, description, "registry -> node", frames, **extra)

    r01, f01 = request(
        "01-register",
        "A Python node registers: the buses it uses, its topics, free-form metadata (a number and"
        " a boolean, which the registry stores as text), a 30 s TTL. Sent with a bare"
        " json.dumps(), so there are spaces and the non-ASCII value is \\u-escaped: both are fine.",
        "REGISTER",
        plain(
            {
                "request_id": "1",
                "node_id": "node-a",
                "buses": ["user"],
                "topics": {
                    "publish": ["onex.evt.node-a.lifecycle.v1"],
                    "subscribe": ["onex.cmd.node-a.>"],
                },
                "trust": "unverified",
                "metadata": {"node_type": "worker", "site": "Zürich", "workers": 4, "gpu": False},
                "ttl": 30,
                "durable": False,
            }
        ),
    )
    r02, f02 = request(
        "02-lease-request",
        "ONEX's PortRequestModel as a LEASE_REQUEST: requester_id, protocol, ttl in seconds with a"
        " fraction, requested_at; plus the node it belongs to and a purpose. No preferred_port:"
        " the registry picks one.",
        "LEASE_REQUEST",
        plain(
            {
                "request_id": "2",
                "requester_id": "node-a/http",
                "node_id": "node-a",
                "protocol": "tcp",
                "ttl": 60.5,
                "requested_at": "2026-01-01T12:00:00Z",
                "purpose": "http",
            }
        ),
    )
    lease_http = r02["lease"]["lease_id"]
    _, f03 = request(
        "03-lease-renew",
        "Renew the lease of 02 and give it a new TTL of 120 s (without ttl the lease keeps its own).",
        "LEASE_RENEW",
        plain({"request_id": "3", "lease_id": lease_http, "ttl": 120}),
    )
    _, f04 = request(
        "04-heartbeat",
        "A plain node's heartbeat: only its id.",
        "HEARTBEAT",
        plain({"request_id": "4", "node_id": "node-a"}),
    )
    r05, f05 = request(
        "05-lease-request-preferred-port",
        "Ask for one particular port. Granted only if it is inside the purpose's range, not leased"
        " and not bound by anyone; otherwise refused (never swapped for another port).",
        "LEASE_REQUEST",
        plain(
            {
                "request_id": "5",
                "requester_id": "node-a/metrics",
                "node_id": "node-a",
                "preferred_port": 5555,
                "purpose": "metrics",
            }
        ),
    )
    lease_metrics = r05["lease"]["lease_id"]
    # The same port again while 05's lease is active: PORT_IN_USE.
    f_in_use = exchange(
        sock,
        [
            "LEASE_REQUEST",
            plain({"request_id": "5b", "requester_id": "node-c", "preferred_port": 5555}),
        ],
    )
    _, f06 = request(
        "06-lease-release-bind-failed",
        "Give the lease of 05 back because binding its port failed: the registry emits"
        " LEASE_CONFLICT and keeps the port out of its own picks for a while.",
        "LEASE_RELEASE",
        plain({"request_id": "6", "lease_id": lease_metrics, "reason": "bind_failed"}),
    )
    r07, f07 = request(
        "07-lease-request-range",
        "A bus broker leases its port, as Java's RegisteredBus sends it (compact JSON): purpose is"
        " the bus name, range is the bus's configured port range.",
        "LEASE_REQUEST",
        compact(
            {
                "request_id": "7",
                "requester_id": "broker.user",
                "node_id": "broker.user",
                "protocol": "tcp",
                "purpose": "user",
                "range": "40000-40999",
            }
        ),
    )
    bus_lease = r07["lease"]
    _, f08 = request(
        "08-register-broker",
        "The broker of bus 'user' registers itself and its bus: endpoint, the lease holding its"
        " port, and the bus's metadata. The registry marks the node kind=bus.",
        "REGISTER",
        compact(
            {
                "request_id": "8",
                "node_id": "broker.user",
                "ttl": 10.0,
                "buses": ["user"],
                "bus": {
                    "name": "user",
                    "endpoint": "tcp://127.0.0.1:%d" % bus_lease["port"],
                    "lease_id": bus_lease["lease_id"],
                    "metadata": {
                        "purpose": "user-facing events",
                        "qos": "best-effort",
                        "debug": False,
                        "extra": {"owner": "platform", "tier": 2},
                    },
                },
            }
        ),
    )
    _, f09 = request(
        "09-heartbeat-bus-report",
        "The broker's heartbeat with its bus report: subscriber count, connected nodes with their"
        " patterns, and counters (numbers and strings) shown in the bus document.",
        "HEARTBEAT",
        compact(
            {
                "request_id": "9",
                "node_id": "broker.user",
                "bus": {
                    "subscriber_count": 2,
                    "connections": [
                        {
                            "node_id": "node-a",
                            "subscriptions": ["onex.cmd.node-a.>", "$onex.bus.user.>"],
                        }
                    ],
                    "stats": {
                        "sessions": 1,
                        "sequence": 42,
                        "events_published": 42,
                        "events_delivered": 40,
                        "events_dropped": 0,
                        "events_rejected": 1,
                        "publish_rate_per_s": 2.5,
                        "deliver_rate_per_s": 2.4,
                        "config_digest": "sha256:3f1a9c",
                    },
                },
            }
        ),
    )
    queries = {}
    for number, what, extra, description in [
        ("10", "buses", {}, "Every registered bus."),
        ("11", "bus", {"name": "user"}, "One bus by name: what a node asks to find a bus's endpoint."),
        ("12", "nodes", {}, "Every registered node, online and offline."),
        ("13", "node", {"node_id": "node-a"}, "One node by id, with the leases it holds."),
        ("14", "leases", {}, "Every active lease on the registry's host, the registry's own included."),
        ("15", "topics", {}, "Who publishes and who subscribes to each topic or pattern."),
    ]:
        body = {"request_id": number, "what": what}
        body.update(extra)
        queries[what] = request(
            "%s-query-%s" % (number, what), "QUERY %s. %s" % (what, description), "QUERY", plain(body)
        )
    _, f16 = request(
        "16-lease-release",
        "Give the lease of 02 back: the port is free for others at once.",
        "LEASE_RELEASE",
        plain({"request_id": "16", "lease_id": lease_http}),
    )
    _, f17 = request(
        "17-deregister",
        "node-a leaves: its remaining leases are released and it is forgotten.",
        "DEREGISTER",
        plain({"request_id": "17", "node_id": "node-a"}),
    )
    f_unknown = exchange(sock, ["HEARTBEAT", plain({"request_id": "17b", "node_id": "node-a"})])
    _, f18 = request(
        "18-register-durable",
        "The smallest REGISTER: a node id, here with durable=true so that the registration stays"
        " (status offline) when its TTL runs out. No request_id: the reply carries \"\".",
        "REGISTER",
        plain({"node_id": "node-b", "durable": True}),
    )
    f_malformed = [s for s in exchange(sock, ["QUERY"])]

    reply("20-reply-register", "OK to 01: not a rejoin; the node document as stored.", f01, "01-register")
    reply("21-reply-lease", "OK to 02: the lease document; ttl in seconds.", f02, "02-lease-request")
    reply("22-reply-lease-renew", "OK to 03: the same lease, new ttl, later expires_at.", f03, "03-lease-renew")
    reply("23-reply-heartbeat", "OK to 04: the node's new expiry.", f04, "04-heartbeat")
    reply(
        "24-reply-lease-released",
        "OK to 06: the lease with status released; its timestamps are unchanged.",
        f06,
        "06-lease-release-bind-failed",
    )
    reply(
        "25-reply-query-bus",
        "OK to 11: the bus document; the report's stats appear as top-level fields.",
        queries["bus"][1],
        "11-query-bus",
    )
    reply("26-reply-query-topics", "OK to 15.", queries["topics"][1], "15-query-topics")
    reply("27-reply-deregister", "OK to 17.", f17, "17-deregister")
    reply(
        "28-reply-register-no-request-id",
        "OK to 18, which had no request_id: the reply's request_id is empty.",
        f18,
        "18-register-durable",
    )
    reply(
        "29-error-port-in-use",
        "ERROR to a LEASE_REQUEST for preferred_port 5555 (request_id 5b) while the lease of 05"
        " still held it. offending is the port.",
        f_in_use,
    )
    reply(
        "30-error-unknown-node",
        "ERROR to a HEARTBEAT of node-a (request_id 17b) after it deregistered: the node must"
        " REGISTER again.",
        f_unknown,
    )
    reply(
        "31-error-malformed-frame",
        "ERROR to a message of one frame (just QUERY): the request was never read, so request_id"
        " is empty.",
        f_malformed,
    )
    print("captured into", HERE)


def capture_schemas(endpoint):
    sock = connect(endpoint)

    def request(name, description, command, body_text):
        frames = [command, body_text]
        write(name, description, "node -> registry", frames)
        return exchange(sock, frames)

    def reply(name, description, frames, in_reply_to=None):
        extra = {"in_reply_to": in_reply_to} if in_reply_to else {}
        write(name, description, "registry -> node", frames, **extra)

    order = {
        "type": "object",
        "properties": {"order_id": {"type": "string"}, "qty": {"type": "integer", "minimum": 1}},
        "required": ["order_id"],
    }
    f32 = request(
        "32-schema-register",
        "A Python node registers the payload schema of topic pattern orders.* on bus user: a JSON"
        " Schema (draft 2020-12) for the events' metadata, recorded as registered by node-a.",
        "SCHEMA_REGISTER",
        plain(
            {
                "request_id": "32",
                "bus": "user",
                "topic": "orders.*",
                "schema": order,
                "applies_to": "metadata",
                "registered_by": "node-a",
            }
        ),
    )
    reordered = {"required": ["order_id"], "properties": order["properties"], "type": "object"}
    f33 = request(
        "33-schema-register-same",
        "The same document again, keys in another order (compact, as Java's RegistryClient"
        " sends): the same hash, so nothing new is stored and the reply says created false."
        " applies_to is left out: metadata is the default.",
        "SCHEMA_REGISTER",
        compact({"request_id": "33", "bus": "user", "topic": "orders.*", "schema": reordered}),
    )
    f34 = request(
        "34-schema-get",
        "The current schema of orders.* on bus user (no version: the latest).",
        "SCHEMA_GET",
        plain({"request_id": "34", "bus": "user", "topic": "orders.*"}),
    )
    request(
        "35-schema-get-version",
        "Version 1 of the schema, by number.",
        "SCHEMA_GET",
        plain({"request_id": "35", "bus": "user", "topic": "orders.*", "version": 1}),
    )
    f36 = request(
        "36-schema-list",
        "The current schemas of bus user without their documents, and the bus's schema revision.",
        "SCHEMA_LIST",
        plain({"request_id": "36", "bus": "user"}),
    )
    request(
        "37-schema-list-documents",
        "The current schemas of every bus with their documents, as a broker or a validating"
        " client fetches them.",
        "SCHEMA_LIST",
        plain({"request_id": "37", "documents": True}),
    )
    f_invalid = exchange(
        sock,
        [
            "SCHEMA_REGISTER",
            plain({"request_id": "38b", "bus": "user", "topic": "orders.*", "schema": {"type": 12}}),
        ],
    )
    f38 = request(
        "38-schema-delete",
        "Delete the schema of orders.* on bus user: its versions are kept, marked deleted, and the"
        " bus's schema revision goes up.",
        "SCHEMA_DELETE",
        plain({"request_id": "38", "bus": "user", "topic": "orders.*"}),
    )
    f39 = request(
        "39-schema-history",
        "Every version of the schema of orders.* on bus user, deleted ones included.",
        "SCHEMA_HISTORY",
        plain({"request_id": "39", "bus": "user", "topic": "orders.*"}),
    )
    f_unknown = exchange(
        sock, ["SCHEMA_GET", plain({"request_id": "39b", "bus": "user", "topic": "orders.*"})]
    )
    exchange(
        sock,
        [
            "REGISTER",
            compact(
                {
                    "request_id": "39c",
                    "node_id": "broker.user",
                    "ttl": 10.0,
                    "bus": {"name": "user", "endpoint": "tcp://127.0.0.1:5999"},
                }
            ),
        ],
    )
    f_beat = exchange(
        sock,
        ["HEARTBEAT", compact({"request_id": "39d", "node_id": "broker.user", "bus": {"subscriber_count": 0}})],
    )

    reply("40-reply-schema-register", "OK to 32: version 1, its hash, created true.", f32, "32-schema-register")
    reply(
        "41-reply-schema-register-unchanged",
        "OK to 33: the same version 1 (the registry keeps the document as first sent), created"
        " false, the revision unchanged.",
        f33,
        "33-schema-register-same",
    )
    reply("42-reply-schema-get", "OK to 34: the schema document.", f34, "34-schema-get")
    reply(
        "43-reply-schema-list",
        "OK to 36: the current schemas without their documents; revisions maps bus to revision.",
        f36,
        "36-schema-list",
    )
    reply("44-reply-schema-delete", "OK to 38: one version marked deleted; the new revision.", f38, "38-schema-delete")
    reply(
        "45-reply-schema-history",
        "OK to 39: every version, each deleted one with deleted_at.",
        f39,
        "39-schema-history",
    )
    reply(
        "46-error-invalid-schema",
        "ERROR to a SCHEMA_REGISTER (request_id 38b) whose schema says \"type\": 12: not a valid"
        " JSON Schema. offending is the JSON pointer into the schema.",
        f_invalid,
    )
    reply(
        "47-error-unknown-schema",
        "ERROR to a SCHEMA_GET (request_id 39b) after the schema was deleted. offending is the"
        " topic.",
        f_unknown,
    )
    reply(
        "48-reply-heartbeat-bus-settings",
        "OK to a broker's HEARTBEAT with a bus report (request_id 39d): bus_settings carries the"
        " bus's schema_revision; a broker that has not loaded that revision fetches the schemas"
        " again.",
        f_beat,
    )
    print("captured the schema vectors into", HERE)


def vectors(folder):
    out = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".json"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                out.append(json.load(f))
    return out


def check(endpoint):
    sock = connect(endpoint)
    failures = 0
    for v in vectors(os.path.join(HERE, "invalid")):
        status, body = exchange(sock, v["frames"])
        code = json.loads(body)["code"]
        ok = status == "ERROR" and code == v["error_code"]
        failures += not ok
        print("%-4s invalid/%s: %s %s" % ("ok" if ok else "FAIL", v["name"], status, code))
    for v in vectors(HERE):
        if v["direction"] != "node -> registry":
            continue
        status, body = exchange(sock, v["frames"])
        code = json.loads(body).get("code")
        ok = status == "OK" or code not in PROTOCOL_CODES
        failures += not ok
        print("%-4s %s: %s %s" % ("ok" if ok else "FAIL", v["name"], status, code or ""))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    modes = {"capture": capture, "capture-schemas": capture_schemas, "check": check}
    if len(sys.argv) != 3 or sys.argv[1] not in modes:
        sys.exit(__doc__)
    modes[sys.argv[1]](sys.argv[2])
