#!/usr/bin/env python3
"""Precision of the embedded engine's behaviour cases on whole libraries: every source file of a released library
posted as if it were new (so every public function or method counts as changed), every case that states an outcome
(all kinds but signature pins) compiled with javac and run once with JUnit 5 against the library built from the
same sources, or run once with pytest beside the Debian package's modules.
A failing case is a wrong suggestion, or a Javadoc promise the code does not keep: the list says which.

    bench/quality/spotcheck.sh   (writes bench/quality/SPOTCHECK.md)
    OBSERVE=1 bench/quality/spotcheck.sh   (Java: observed-outcome cases too, observed and filled in as the CI client
                                           does; every case run 3 times, each run in another random class order)
"""
import argparse
import json
import re
import shutil
import subprocess
import time
import urllib.request
import zipfile
from pathlib import Path

from quality import observe_java  # the CI client's observation, as the quality benchmark does it

# the same releases as the quality benchmark's newer side; commons-text needs commons-lang3
LIBS = [
    {"name": "commons-lang3", "coords": "org.apache.commons:commons-lang3:3.20.0", "deps": []},
    {"name": "commons-text", "coords": "org.apache.commons:commons-text:1.15.0", "deps": ["commons-lang3"]},
    {"name": "commons-codec", "coords": "commons-codec:commons-codec:1.22.0", "deps": []},
]


# Debian 12 packages: every module of the package, as installed under dist-packages
PY_LIBS = [
    {"name": "toolz", "package": "python3-toolz", "copy": "toolz"},
    {"name": "inflection", "package": "python3-inflection", "copy": "inflection.py"},
    {"name": "humanize", "package": "python3-humanize", "copy": "humanize"},
]
DIST = Path("/usr/lib/python3/dist-packages")


def jar_of(coords):
    _, artifact, version = coords.split(":")
    return f"{artifact}-{version}-sources.jar"


def post(service, token, path, content, observe=False):
    lines = content.splitlines()
    diff = (f"diff --git a/{path} b/{path}\nnew file mode 100644\nindex 0000000..1111111\n--- /dev/null\n"
            f"+++ b/{path}\n@@ -0,0 +1,{len(lines)} @@\n" + "".join("+" + line + "\n" for line in lines))
    body = json.dumps({"repository": "spotcheck/library", "commit": "5907c4ec", "diff": diff,
                       "files": [{"path": path, "content": content}], "maxSuggestions": 50,
                       "engine": "embedded", "observe": observe}).encode()
    request = urllib.request.Request(service + "/api/v1/suggestions", data=body, method="POST",
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=300) as response:
        return json.load(response)["suggestions"]


def check(lib, args, built):
    work = Path(args.out) / "spotcheck" / lib["name"]
    shutil.rmtree(work, ignore_errors=True)
    src, classes, tests = work / "src", work / "classes", work / "test-classes"
    for d in (src, classes, tests):
        d.mkdir(parents=True)
    with zipfile.ZipFile(Path(args.out) / "jars" / jar_of(lib["coords"])) as z:
        z.extractall(src)
    for module_info in src.rglob("module-info.java"):
        module_info.unlink()
    # resources (codec's phonetic rule files) go beside the classes, as in the released jar
    for resource in src.rglob("*"):
        if resource.is_file() and resource.suffix != ".java" and "META-INF" not in resource.parts:
            target = classes / resource.relative_to(src)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(resource, target)
    deps = [str(built[d]) for d in lib["deps"]]
    subprocess.run(["javac", "-nowarn", "-proc:none", "-encoding", "UTF-8", "-d", str(classes), "-cp",
                    ":".join(deps) or "."] + sorted(str(p) for p in src.rglob("*.java")), check=True,
                   capture_output=True)
    built[lib["name"]] = classes
    suggestions = []
    for file in sorted(src.rglob("*.java")):
        path = "src/main/java/" + str(file.relative_to(src))
        suggestions += [dict(s, _change=path) for s in post(args.service, args.token, path,
                                                            file.read_text(encoding="utf-8"), args.observe)
                        if s["caseKind"] != "signature"]
    observed = {"proposed": 0, "withheld": {}}
    awaiting = [s for s in suggestions if s.get("awaitingObservation")]
    if awaiting:
        observe_java(awaiting, work, work, ":".join([str(classes)] + deps + [args.junit_console]), args)
        observed["proposed"] = len(awaiting)
        for s in awaiting:
            if s.get("_withheld"):
                observed["withheld"][s["_withheld"]] = observed["withheld"].get(s["_withheld"], 0) + 1
        suggestions = [s for s in suggestions if not s.get("_withheld")]
    written = {}
    for s in suggestions:
        if s["testPath"] not in written:
            target = work / s["testPath"]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(s["code"], encoding="utf-8")
            written[s["testPath"]] = s
    classpath = ":".join([str(classes)] + deps + [args.junit_console])
    pending, not_compiled = dict(written), []
    for _ in range(50):
        result = subprocess.run(["javac", "-nowarn", "-proc:none", "-encoding", "UTF-8", "-d", str(tests), "-cp",
                                 classpath] + [str(work / p) for p in pending], capture_output=True, text=True)
        if result.returncode == 0:
            break
        bad = {str(Path(m).resolve().relative_to(work.resolve()))
               for m in re.findall(r"^(/\S+\.java):\d+: error:", result.stderr, re.M)} & set(pending)
        for path in bad or set(pending):
            not_compiled.append(pending.pop(path))
    def fqn(s):
        return s["testPath"].split("src/test/java/", 1)[-1][:-len(".java")].replace("/", ".")
    failed, failures_by_class = {}, {}
    # observing: 3 runs, each in another random class order, so a case that leans on what another left behind shows
    orders = [["--config=junit.jupiter.testclass.order.default=org.junit.jupiter.api.ClassOrderer$Random",
               f"--config=junit.jupiter.execution.order.random.seed={seed}"] for seed in (1, 2, 3)] \
        if args.observe else [[]]
    for run, order in enumerate(orders):
        reports = work / f"reports-{run}"
        subprocess.run(["java", "-Xmx512m", "-jar", args.junit_console, "execute", "--disable-banner",
                        "--details=none", "--class-path", ":".join([str(tests), str(classes)] + deps),
                        "--reports-dir", str(reports)] + order
                       + [f"--select-class={fqn(s)}" for s in pending.values()], capture_output=True, timeout=1800)
        for report in reports.glob("*.xml"):
            text = report.read_text(encoding="utf-8")
            for case in re.finditer(r'<testcase name="[^"]*" classname="([^"]+)"[^>]*>(.*?)</testcase>', text, re.S):
                if "<failure" in case.group(2) or "<error" in case.group(2):
                    message = re.search(r'message="([^"]*)"', case.group(2))
                    failed[case.group(1)] = (message.group(1) if message else "error")[:160]
                    failures_by_class[case.group(1)] = failures_by_class.get(case.group(1), 0) + 1
    flaky = {cls for cls, n in failures_by_class.items() if n < len(orders)}
    for cls in flaky:
        failed[cls] = f"flaky: failed {failures_by_class[cls]} of {len(orders)} runs: " + failed[cls]
    by_kind = {}
    for s in written.values():
        row = by_kind.setdefault(s["caseKind"], [0, 0, 0])
        row[0] += 1
        if s["testPath"] in pending:
            row[1] += 1
            if fqn(s) not in failed:
                row[2] += 1
    failures = [(s["targetSymbol"], s["caseKind"], failed[fqn(s)]) for s in pending.values() if fqn(s) in failed]
    failures += [(s["targetSymbol"], s["caseKind"], "does not compile") for s in not_compiled]
    return {"name": lib["name"], "coords": lib["coords"], "byKind": by_kind, "failures": failures,
            "observed": observed}


def check_python(lib, args):
    work = Path(args.out) / "spotcheck" / lib["name"]
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    source = DIST / lib["copy"]
    if source.is_dir():
        shutil.copytree(source, work / lib["copy"], ignore=shutil.ignore_patterns("__pycache__", "tests"))
    else:
        shutil.copy(source, work / lib["copy"])
    version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", lib["package"]], capture_output=True,
                             text=True).stdout.strip()
    suggestions = []
    for module in sorted(work.rglob("*.py")):
        path = str(module.relative_to(work))
        suggestions += [s for s in post(args.service, args.token, path, module.read_text(encoding="utf-8"))
                        if s["caseKind"] != "signature"]
    written = {}
    for s in suggestions:
        if s["testPath"] not in written and not (work / s["testPath"]).exists():
            target = work / s["testPath"]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(s["code"], encoding="utf-8")
            written[s["testPath"]] = s
    report = work / "pytest.xml"
    subprocess.run(["/usr/bin/python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={report}"]
                   + sorted(written), cwd=work, capture_output=True, timeout=1800,
                   env={"PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"})
    text = report.read_text(encoding="utf-8") if report.exists() else ""
    failed, collected = {}, set()
    for case in re.finditer(r'<testcase classname="([^"]+)" name="[^"]+"[^>]*?(/>|>(.*?)</testcase>)', text, re.S):
        module = case.group(1).replace(".", "/") + ".py"
        collected.add(module)
        body = case.group(3) or ""
        if "<failure" in body or "<error" in body:
            message = re.search(r'message="([^"]*)"', body)
            failed[module] = (message.group(1) if message else "error")[:160]
    for error in re.finditer(r'<testcase classname="" name="([^"]+)"[^>]*>(.*?)</testcase>', text, re.S):
        failed[error.group(1).replace(".", "/") + ".py"] = "does not collect"
    by_kind, failures = {}, []
    for path, s in written.items():
        row = by_kind.setdefault(s["caseKind"], [0, 0, 0])
        row[0] += 1
        if path in collected or path in failed:
            row[1] += 1 if failed.get(path) != "does not collect" else 0
            if path in collected and path not in failed:
                row[2] += 1
        if path in failed or path not in collected:
            failures.append((s["targetSymbol"], s["caseKind"], failed.get(path, "not run")))
    return {"name": lib["name"], "coords": f"{lib['package']} {version}", "byKind": by_kind, "failures": failures}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--service", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--junit-console", required=True)
    parser.add_argument("--results", required=True)
    parser.add_argument("--command", default="bench/quality/spotcheck.sh")
    parser.add_argument("--observe", action="store_true")
    args = parser.parse_args()
    started = time.time()
    built, results = {}, []
    for lib in LIBS:
        print(f"{lib['name']} ...", flush=True)
        results.append(check(lib, args, built))
    for lib in PY_LIBS:
        print(f"{lib['name']} ...", flush=True)
        results.append(check_python(lib, args))
    lines = ["# Spot check: the embedded engine's behaviour cases on whole libraries", "",
             f"Command: `{args.command}` ({time.time() - started:.0f} s, "
             f"{time.strftime('%Y-%m-%dT%H:%MZ', time.gmtime())}). Every source file of each release is posted as a "
             "new file (every public function or method counts as changed, 50 suggestions at most per file); every "
             "case that states an outcome (all kinds but signature pins) is compiled with javac and run "
             + ("3 times, each run in another random class order (`ClassOrderer$Random`, seeds 1–3), " if args.observe
                else "once ")
             + "with JUnit 5 against the library built from the same sources (Java), or run once with Debian's pytest "
             "beside the package's modules (Python). A failing case is a wrong suggestion, or a promise the code "
             "does not keep."
             + (" Observed-outcome cases are asked for too, and observed and filled in first as the CI client does "
                "(two runs that must agree, no runner facts in the outcome); a case that fails any of the 3 runs "
                "counts as failed." if args.observe else ""), "",
             "| library | kind | cases | compiled | passed |", "|---|---|---|---|---|"]
    totals = [0, 0, 0]
    for r in results:
        for kind, (cases, compiled, passed) in sorted(r["byKind"].items()):
            lines.append(f"| {r['coords']} | {kind} | {cases} | {compiled} | {passed} |")
            totals = [t + v for t, v in zip(totals, (cases, compiled, passed))]
    lines.append(f"| **all** | | {totals[0]} | {totals[1]} | {totals[2]} "
                 f"({100 * totals[2] / max(totals[0], 1):.1f} %) |")
    for r in results:
        observed = r.get("observed") or {}
        if observed.get("proposed"):
            why = ", ".join(f"{n} {reason}" for reason, n in sorted(observed["withheld"].items())) or "none"
            lines.append(f"\n{r['coords']}: {observed['proposed']} observed-outcome cases proposed; withheld by the "
                         f"observation step (never shown): {why}.")
    lines += ["", "Cases that failed:", ""]
    for r in results:
        for symbol, kind, message in r["failures"]:
            lines.append(f"- {r['name']}: `{symbol}` ({kind}): {message}")
    if not any(r["failures"] for r in results):
        lines.append("- none")
    Path(args.results).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
