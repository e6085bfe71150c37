#!/usr/bin/env python3
"""Derives the ES|QL scenario events (samples/scenarios/esql/events) from the real Elastic Azure
integration events in ../shared/corpus/events/elastic-azure: real documents, with only the fields a
scenario needs changed (operation, user, device, session, addresses, times), and the data stream
fields Fleet adds. Run from the repository root: python3 tools/derive-esql-scenario.py"""
import copy, json, os

SHARED = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus", "events", "elastic-azure")
OUT = os.path.join(os.path.dirname(__file__), "..", "samples", "scenarios", "esql", "events")


def load(path):
    with open(os.path.join(SHARED, path)) as f:
        return json.load(f)["expected"]


def stream(event, dataset):
    event["data_stream"] = {"type": "logs", "dataset": dataset, "namespace": "default"}
    event.setdefault("event", {})["dataset"] = dataset
    event["event"].pop("original", None)  # the raw message repeats the source fields; not needed here
    return event


def write(name, events):
    with open(os.path.join(OUT, name), "w") as f:
        for e in events:
            f.write(json.dumps(e, sort_keys=True) + "\n")


# one user registers three devices within fifteen minutes (a real "Update device" audit event as template)
template = load("auditlogs/test-auditlogs-raw.log-expected.json")[0]
registrations = []
for i, device in enumerate(["DESKTOP-7F3K2", "DESKTOP-9Q1LM", "LAPTOP-X2Z8"]):
    e = copy.deepcopy(template)
    e["@timestamp"] = f"2026-11-20T10:0{2 * i}:00.000Z"
    e["_id"] = f"register-device-{i + 1}"
    audit = e["azure"]["auditlogs"]
    audit["operation_name"] = audit["properties"]["activity_display_name"] = "Register device"
    audit["properties"]["initiated_by"] = {"user": {"userPrincipalName": "mallory@contoso.com", "ipAddress": "198.51.100.23"}}
    audit["properties"]["target_resources"]["0"]["display_name"] = device
    e["event"]["action"] = "Register device"
    e["source"] = {"ip": "198.51.100.23"}
    registrations.append(stream(e, "azure.auditlogs"))
write("azure-auditlogs-device-registrations.jsonl", registrations)

# one sign-in session using the device code flow, from two addresses (a real ADFS sign-in as template)
template = load("signinlogs/test-adfs-signin.log-expected.json")[0]
signins = []
for i, (ip, protocol) in enumerate([("203.0.113.45", "deviceCode"), ("192.0.2.77", "none")]):
    e = copy.deepcopy(template)
    e["@timestamp"] = f"2026-11-20T10:2{2 * i}:00.000Z"
    e["_id"] = f"device-code-signin-{i + 1}"
    props = e["azure"]["signinlogs"]["properties"]
    props["original_transfer_method"] = "deviceCodeFlow"
    props["authentication_protocol"] = protocol
    props["authentication_requirement"] = "singleFactorAuthentication"
    props["session_id"] = "5c1f3a2e-6b7d-4e8f-9a0b-1c2d3e4f5a6b"
    e["source"] = {"ip": ip}
    e["client"] = {"ip": ip}
    e["event"]["outcome"] = "success"
    signins.append(stream(e, "azure.signinlogs"))
write("azure-signinlogs-device-code.jsonl", signins)
