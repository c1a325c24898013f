#!/usr/bin/env python3
"""Gateway CPU per hostile request (issue 17): the gateway's user+system time from /proc/<pid>/stat around each request.

Start an emulator with 10,000 images and a gateway in front of it as separate processes, then pass the gateway's pid:
  dotnet src/Waldur.Emulator/bin/Release/net10.0/Waldur.Emulator.dll --urls http://127.0.0.1:5391 --Emulator:ImageCount=10000 &
  dotnet src/Waldur.GraphGateway/bin/Release/net10.0/Waldur.GraphGateway.dll --urls http://127.0.0.1:5392 \
      --Waldur:BaseUrl=http://127.0.0.1:5391/ --Logging:LogLevel:Default=Warning &
  python3 tests/Waldur.GraphGateway.Benchmarks/worst_cpu.py <gateway pid> [http://127.0.0.1:5392/graphql] [name filter...]
Each case runs 3 times (the median is printed); CPU is in clock ticks (10 ms).
"""
import json, os, sys, time, urllib.error, urllib.request

PID = int(sys.argv[1])
GW = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2].startswith("http") else "http://127.0.0.1:5392/graphql"
ONLY = [a for a in sys.argv[2:] if not a.startswith("http")]
TICK = os.sysconf("SC_CLK_TCK")
LETTERS = ["i", "I", "n", "N", "u", "U", "x", "X", " ", "4", "2", "0", "1", ".", "l", "L", "a", "A", "r", "R", "h", "H", "6", "t", "T", "c", "C", "s", "S", "e"]
IMAGES = ("query Q($w: DigitalOceanImageFilterInput, $o: [DigitalOceanImageSortInput!]) "
          "{ digitalOceanImages(where: $w, order: $o, first: 100) { totalCount nodes { name } } }")


def cpu():
    fields = open(f"/proc/{PID}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def post(body):
    data = json.dumps(body).encode()
    request = urllib.request.Request(GW, data=data, headers={"Content-Type": "application/json", "Authorization": "Token demo-token"})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.read(), len(data)
    except urllib.error.HTTPError as error:
        return error.read(), len(data)


def codes(text):
    answer = json.loads(text)
    items = answer if isinstance(answer, list) else [answer]
    return sorted({e.get("extensions", {}).get("code") for item in items for e in item.get("errors", [])})


def measure(name, body, runs=3):
    results = []
    for _ in range(runs):
        before, start = cpu(), time.time()
        text, size = post(body)
        results.append((cpu() - before, time.time() - start))
    used, wall = sorted(results)[len(results) // 2]
    print(f"{name:62s} body {size / 1024:5.0f} KiB  cpu {used * 1000:5.0f} ms  wall {wall * 1000:5.0f} ms  {codes(text)}", flush=True)


def any_of(n, field="name", op="contains", fmt="zz{}q"):
    return {"or": [{field: {op: fmt.format(i)}} for i in range(n)]}


def aliases(n, where):
    variables = ", ".join(f"$w{i}: DigitalOceanImageFilterInput" for i in range(n))
    fields = " ".join(f"a{i}: digitalOceanImages(where: $w{i}, first: 100) {{ totalCount nodes {{ name }} }}" for i in range(n))
    return {"query": f"query Q({variables}) {{ {fields} }}", "variables": {f"w{i}": where(i) for i in range(n)}}


CASES = {
    "or of 20,000 terms (refused)": {"query": IMAGES, "variables": {"w": any_of(20000)}},
    "or of 5,000 terms (refused)": {"query": IMAGES, "variables": {"w": any_of(5000)}},
    "in list of 100,000 values (refused)": {"query": IMAGES, "variables": {"w": {"name": {"in": [f"n{i}" for i in range(100000)]}}}},
    "50-term residual or over 10,000 images": {"query": IMAGES, "variables": {"w": any_of(50)}},
    "50-term residual or of endsWith over 10,000 images": {"query": IMAGES, "variables": {"w": any_of(50, op="endsWith")}},
    "or of 25 (name contains and type neq) pairs over 10,000": {"query": IMAGES, "variables": {"w": {"or": [
        {"name": {"contains": f"zz{i}q"}, "type": {"neq": f"t{i}"}} for i in range(25)]}}},
    "49-term residual or + sort by createdAt over 10,000": {"query": IMAGES, "variables": {"w": any_of(49), "o": [{"createdAt": "DESC"}]}},
    "50-term regions some/or over 10,000 images": {"query": IMAGES, "variables": {"w": {"regions": {"some": any_of(50)}}}},
    "30 aliases x 50-term residual or": aliases(30, lambda i: any_of(50, fmt="zz{}q" + str(i))),
    "30 aliases x 50-term regions some/or": aliases(30, lambda i: {"regions": {"some": any_of(50, fmt="q{}x" + str(i))}}),
    "batch of 10 x (30 aliases x 50-term or)": [aliases(30, lambda i, k=k: any_of(50, fmt=f"zz{{}}q{i}_{k}")) for k in range(10)],
    "30 aliases x distinct pushdown (30 full scans)": aliases(30, lambda i: {"name": {"contains": LETTERS[i]}, "minDiskSize": {"gt": -1}}),
    "batch of 10 x 30 aliases x distinct pushdown": [aliases(30, lambda i, k=k: {"name": {"contains": LETTERS[i]}, "minDiskSize": {"gt": -1 - k}}) for k in range(10)],
}

for case, request in CASES.items():
    if not ONLY or any(o in case for o in ONLY):
        measure(case, request)
