#!/usr/bin/python3
"""Posts one diff N times (sequentially, after a warm-up) and prints the percentiles of the CPU time the service
reports per request in `usage.cpuSeconds` (diff parsing, analysis and the embedded engine: what CpuMeter measures),
of the client's wall time, and of the service process's whole CPU time per request (/proc/PID/stat, all threads:
HTTP, JSON, PostgreSQL, Kafka, GC and JIT included). Standard library only."""
import argparse
import json
import os
import time
import urllib.request
from pathlib import Path


def percentile(values, p):
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))  # nearest rank
    return ordered[k]


def process_cpu_seconds(pid):
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def main():
    a = argparse.ArgumentParser()
    for name in ("--service", "--token", "--diff", "--repo", "--files", "--pid", "--command"):
        a.add_argument(name, required=True)
    a.add_argument("--requests", type=int, default=300)
    a.add_argument("--warmup", type=int, default=50)
    a.add_argument("--observe", action="store_true", help="ask for observed-outcome cases too (more cases per request)")
    args = a.parse_args()
    diff = Path(args.diff).read_text()
    files = [{"path": p, "content": (Path(args.repo) / p).read_text()}
             for p in Path(args.files).read_text().split() if p]
    body = json.dumps({"repository": "maven/commons-codec/commons-codec", "commit": "0123456789abcdef",
                       "diff": diff, "files": files, "engine": "embedded", "observe": args.observe}).encode()

    def post():
        request = urllib.request.Request(args.service + "/api/v1/suggestions", data=body, method="POST", headers={
            "Authorization": "Bearer " + args.token, "Content-Type": "application/json"})
        started = time.perf_counter()
        with urllib.request.urlopen(request, timeout=60) as response:
            answer = json.load(response)
        return answer, (time.perf_counter() - started) * 1000

    for _ in range(args.warmup):
        post()
    cpu, wall, suggestions = [], [], 0
    process_before = process_cpu_seconds(args.pid)
    for _ in range(args.requests):
        answer, ms = post()
        cpu.append(answer["usage"]["cpuSeconds"] * 1000)
        wall.append(ms)
        suggestions = len(answer["suggestions"])
    process_ms = (process_cpu_seconds(args.pid) - process_before) * 1000 / args.requests
    print(f"Command: `{args.command}` — {time.strftime('%Y-%m-%dT%H:%MZ', time.gmtime())}, {os.cpu_count()} cores, "
          f"load average at the end {' '.join(open('/proc/loadavg').read().split()[:3])}.\n")
    print(f"Diff: {len(diff.splitlines())} lines, {len(files)} files' contents sent ({sum(len(f['content']) for f in files):,} "
          f"characters); {suggestions} suggestions per answer; {args.requests} requests after {args.warmup} warm-up, "
          "one at a time.\n")
    print("| per request | p50 ms | p95 ms | p99 ms | max ms |")
    print("|---|---|---|---|---|")
    for label, values in (("CPU reported in `usage.cpuSeconds` (parse, analyse, engine)", cpu),
                          ("wall time at the client (whole HTTP request: + ranking, PostgreSQL, outbox)", wall)):
        print(f"| {label} | {percentile(values, 50):.1f} | {percentile(values, 95):.1f} | "
              f"{percentile(values, 99):.1f} | {max(values):.1f} |")
    print(f"\nThe service process's whole CPU time (all threads), averaged over the measured requests: "
          f"{process_ms:.1f} ms per request.")
    p95 = percentile(cpu, 95)
    print(f"\nTarget p95 ≤ 300 ms CPU: {'met' if p95 <= 300 else 'not met'} ({p95:.1f} ms).")


if __name__ == "__main__":
    main()
