#!/usr/bin/env python3
"""A Tandem service in Python, standard library only: proof that the protocol is the contract.

It verifies the signature (HMAC-SHA256 over "<t>.<body>", 300 s window), refuses replayed
deliveries, answers a repeated idempotency key with its first answer, and gives every release
and feature (and requirement) it receives a number: integration fields id / key / url.
Prints "listening <port>" once ready. Secret: TANDEM_SERVICE_SECRET.
"""
import hashlib, hmac, itertools, json, os, sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SECRET = os.environ["TANDEM_SERVICE_SECRET"].encode()
seen, answers, numbers, log = set(), {}, itertools.count(1), []


def verified(headers, body):
    parts = dict(p.split("=", 1) for p in headers.get("tandem-signature", "").split(",") if "=" in p)
    t, v1 = parts.get("t", ""), parts.get("v1", "")
    expected = hmac.new(SECRET, t.encode() + b"." + body, hashlib.sha256).hexdigest()
    return t.isdigit() and hmac.compare_digest(expected, v1) and abs(time.time() - int(t)) <= 300


def fields(prefix):
    n = next(numbers)
    return {"id": str(n), "key": f"{prefix}-{n}", "url": f"https://py.example/items/{n}"}


def handle(event):
    writes = []
    if event["event"] == "create_release":
        writes.append({"resource": "releases", "id": event["release"]["id"], "fields": fields("PYR")})
    elif event["event"] in ("create_feature", "update_feature"):
        feature = event["feature"]
        mine = [f for f in feature["integration_fields"] if f["service_name"] == "python" and f["name"] == "id"]
        if not mine:
            writes.append({"resource": "features", "id": feature["id"], "fields": fields("PYF")})
        for req in feature["requirements"]:
            if not any(f["service_name"] == "python" for f in req["integration_fields"]):
                writes.append({"resource": "requirements", "id": req["id"], "fields": fields("PYQ")})
    return {"protocol": 1, "ok": True, "integration_fields": writes,
            "logs": [{"level": "info", "message": f"python handled {event['event']}"}]}


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length", 0)))
        if self.headers.get("tandem-protocol") != "1":
            return self.answer(400, "protocol 1 only")
        if not verified(self.headers, body):
            return self.answer(401, "signature refused")
        delivery = self.headers.get("tandem-delivery", "")
        if delivery in seen:
            return self.answer(409, "replayed delivery")
        seen.add(delivery)
        event = json.loads(body)
        key = event["idempotency_key"]
        if key not in answers:
            answers[key] = handle(event)
            log.append(event["event"])
        self.send(200, answers[key])

    def do_GET(self):
        self.send(200, {"events": log})  # what it handled, for the test

    def answer(self, status, message):
        self.send(status, {"protocol": 1, "ok": False, "error": {"message": message, "retryable": False}})

    def send(self, status, payload):
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(f"listening {server.server_address[1]}", flush=True)
server.serve_forever()
