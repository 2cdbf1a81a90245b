# A gRPC-framed ScrubClaimRequest (scrubber.v1) for h2load: a clean 6-line professional claim.
import struct, sys
def varint(n):
    out = b""
    while True:
        b = n & 0x7f; n >>= 7
        out += bytes([b | (0x80 if n else 0)])
        if not n: return out
def field(num, wire, payload):
    key = varint((num << 3) | wire)
    if wire == 2: return key + varint(len(payload)) + payload
    return key + payload
def s(num, text): return field(num, 2, text.encode())
lines = b""
for i, code in enumerate(["99213", "93000", "85025", "36415", "81002", "90471"]):
    line = s(1, f"L{i+1}") + s(2, code) + s(4, "2026-11-15") + s(6, "80.00") + field(7, 1, struct.pack("<d", 1.0)) + s(8, "Z00.00")
    lines += field(6, 2, line)
claim = s(1, "H2LOAD-1") + s(2, "MEDICARE") + s(3, "PATIENT-H2") + s(4, "1234567893") + field(5, 0, varint(1)) + lines
req = field(1, 2, claim)
sys.stdout.buffer.write(b"\x00" + struct.pack(">I", len(req)) + req)
