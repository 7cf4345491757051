#!/usr/bin/python3
"""Quality benchmark of suggestion-service's embedded engine on real libraries nobody here wrote.

Java: two releases' source jars from Maven Central, committed one after the other into a temporary git repository
(the "checkout", under src/main/java); each changed .java file's `git diff` is one change.
Python: a module of a Debian python3-* package (one version only): each public top-level function or class is one
change, the diff adding it to the module as Debian ships it (`git diff --no-index` of the module without and with it).

Each change is posted to the running service (maxSuggestions 10, engine embedded, the file's new content sent along);
every suggested test is written where it says into the checkout, compiled (javac / py_compile + pytest collection),
run three times (JUnit 5 console launcher / pytest), and the changed executable lines' coverage is measured with
JaCoCo / coverage.py: before (the checkout's own tests: the source jars and Debian packages ship none) and after
(the suggestions that passed all three runs, together).

Only the standard library: run with Debian's /usr/bin/python3 (run.sh does).
"""
import argparse
import ast
import hashlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "client"))
# the CI client's own choice of context files, its way of writing an observed outcome in, and its reading of a diff's
# added lines and of coverage reports (greengate_ci.py verify measures the changed lines' coverage the same way)
from greengate_ci import (OBSERVATIONS, added_lines, constructor_type_files, header_lines,  # noqa: E402
                          jacoco_xml_lines, observation_probe, observed_code, superclass_files, why_not_written_in)

JAVA_LIBS = [
    {"name": "commons-cli", "ga": "commons-cli:commons-cli", "old": "1.10.0", "new": "1.11.0", "deps": []},
    {"name": "commons-codec", "ga": "commons-codec:commons-codec", "old": "1.21.0", "new": "1.22.0", "deps": []},
    {"name": "commons-csv", "ga": "org.apache.commons:commons-csv", "old": "1.14.0", "new": "1.14.1",
     "deps": ["commons-io:commons-io:2.20.0", "commons-codec:commons-codec:1.19.0",
              "com.github.spotbugs:spotbugs-annotations:4.9.3"]},
    {"name": "commons-lang3", "ga": "org.apache.commons:commons-lang3", "old": "3.19.0", "new": "3.20.0", "deps": []},
    {"name": "commons-text", "ga": "org.apache.commons:commons-text", "old": "1.14.0", "new": "1.15.0",
     "deps": ["org.apache.commons:commons-lang3:3.20.0"]},
]
# Debian 12 packages; `copy` is what the checkout holds (as installed under dist-packages), `modules` what changes
PY_LIBS = [
    {"name": "inflection", "package": "python3-inflection", "copy": ["inflection.py"], "modules": ["inflection.py"]},
    {"name": "toolz", "package": "python3-toolz", "copy": ["toolz"], "modules": ["toolz/itertoolz.py"]},
    {"name": "humanize", "package": "python3-humanize", "copy": ["humanize"], "modules": ["humanize/number.py"]},
]
DIST = Path("/usr/lib/python3/dist-packages")
PY = "/usr/bin/python3"
MAX_SUGGESTIONS = 10
RUNS = 3


def jar_name(coords):
    parts = coords.split(":")
    g, a, v = parts[0], parts[1], parts[2]
    classifier = parts[4] if len(parts) > 4 else None
    return f"{a}-{v}" + (f"-{classifier}" if classifier else "") + ".jar"


def list_jars():
    for lib in JAVA_LIBS:
        for version in (lib["old"], lib["new"]):
            coords = f"{lib['ga']}:{version}:jar:sources"
            print(coords, jar_name(coords))
        for dep in lib["deps"]:
            print(dep, jar_name(dep))


def sh(args, cwd=None, env=None, check=True, timeout=600):
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    if check and result.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, args))} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


GIT = ["git", "-c", "user.name=bench", "-c", "user.email=bench@localhost", "-c", "commit.gpgsign=false",
       "-c", "core.autocrlf=false"]


class Service:
    def __init__(self, url, token, observe=False):
        self.url, self.token, self.observe = url.rstrip("/"), token, observe

    def suggest(self, repository, commit, diff, files):
        body = json.dumps({"repository": repository, "commit": commit, "diff": diff, "files": files,
                           "maxSuggestions": MAX_SUGGESTIONS, "engine": "embedded", "observe": self.observe}).encode()
        request = urllib.request.Request(self.url + "/api/v1/suggestions", data=body, method="POST", headers={
            "Authorization": "Bearer " + self.token, "Content-Type": "application/json"})
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                answer = json.load(response)
        except urllib.error.HTTPError as e:
            raise RuntimeError(f"service answered {e.code}: {e.read().decode()[:2000]}") from e
        answer["_wallMs"] = (time.perf_counter() - started) * 1000
        return answer


def new_stats(name, language, diff_kind):
    return {"library": name, "language": language, "diff": diff_kind, "changes": 0, "changesWithSuggestions": 0,
            "suggestions": 0, "compiled": 0, "passed": 0, "flaky": 0, "failed": 0, "changedLines": 0,
            "coveredBefore": 0, "coveredAfter": 0, "kinds": {}, "cpuMs": [], "details": [], "changeRows": [],
            "observedCases": 0, "withheld": 0, "withheldRows": []}


# ---------------------------------------------------------------------------------------------------------- Java

def unpack_sources(jar, target):
    target.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(jar) as z:
        for name in z.namelist():
            if name.endswith(".java") and not name.startswith("META-INF/") and not name.endswith("module-info.java"):
                out = target / name
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_bytes(z.read(name))


def java_lib(lib, service, args, work):
    stats = new_stats(lib["name"], "java", f"{lib['old']} → {lib['new']} (Maven Central source jars)")
    jars = Path(args.out) / "jars"
    base = work / lib["name"]
    shutil.rmtree(base, ignore_errors=True)
    repo = base / "checkout"
    src = repo / "src/main/java"
    sh(GIT + ["init", "-q", str(repo)])
    unpack_sources(jars / jar_name(f"{lib['ga']}:{lib['old']}:jar:sources"), src)
    sh(GIT + ["add", "-A"], cwd=repo)
    sh(GIT + ["commit", "-q", "-m", lib["old"]], cwd=repo)
    shutil.rmtree(src)
    unpack_sources(jars / jar_name(f"{lib['ga']}:{lib['new']}:jar:sources"), src)
    sh(GIT + ["add", "-A"], cwd=repo)
    sh(GIT + ["commit", "-q", "-m", lib["new"]], cwd=repo)
    commit = sh(["git", "rev-parse", "HEAD"], cwd=repo).stdout.strip()
    changed = sh(["git", "diff", "--name-status", "--diff-filter=AMR", "HEAD~1", "HEAD", "--", "*.java"],
                 cwd=repo).stdout.split("\n")
    changed_lines = {}  # path -> added line numbers
    suggestions = []
    for row in filter(None, changed):
        path = row.split("\t")[-1]
        diff = sh(["git", "diff", "HEAD~1", "HEAD", "--", path], cwd=repo).stdout
        # renames: diff both paths so the header says rename
        if row.startswith("R"):
            diff = sh(["git", "diff", "-M", "HEAD~1", "HEAD", "--", row.split("\t")[1], path], cwd=repo).stdout
        changed_lines[path] = added_lines(diff)
        content = (repo / path).read_text(encoding="utf-8")
        stats["changes"] += 1
        # what greengate_ci.py sends beside a changed Java file: the sources of the classes it extends and, when it
        # observes, of the same-package classes its constructors take
        read = lambda p: (repo / p).read_text(encoding="utf-8") if (repo / p).is_file() else None  # noqa: E731
        files = [{"path": path, "content": content}] + superclass_files(read, path, content) \
            + (constructor_type_files(read, path, content) if service.observe else [])
        answer = service.suggest(f"maven/{lib['ga'].replace(':', '/')}", commit, diff, files)
        stats["cpuMs"].append(answer["usage"]["cpuSeconds"] * 1000)
        if answer["suggestions"]:
            stats["changesWithSuggestions"] += 1
        for s in answer["suggestions"]:
            s["_change"] = path
            suggestions.append(s)

    deps = [str(jars / jar_name(d)) for d in lib["deps"]]
    classes = base / "classes"
    classes.mkdir()
    sources = sorted(str(p) for p in src.rglob("*.java"))
    sh(["javac", "-nowarn", "-encoding", "UTF-8", "-proc:none", "-d", str(classes), "-cp", ":".join(deps) or "."]
       + sources, timeout=900)

    # observed-outcome cases: what greengate_ci.py verify does first; a case whose outcome was not observed the same
    # way twice is withheld (reviewers never see it) and left out of every count below
    awaiting = [s for s in suggestions if s.get("awaitingObservation")]
    if awaiting:
        observe_java(awaiting, repo, base, ":".join([str(classes)] + deps + [args.junit_console]), args)
        stats["observedCases"] += len(awaiting)
        stats["withheld"] += sum(1 for s in awaiting if s.get("_withheld"))
        stats["withheldRows"] += [(s["_change"], s["targetSymbol"], s["_withheld"]) for s in awaiting if s.get("_withheld")]
        suggestions = [s for s in suggestions if not s.get("_withheld")]

    # write every suggestion where it says
    written = {}
    for s in suggestions:
        path = repo / s["testPath"]
        if s["testPath"] in written:
            s["_compiled"], s["_note"] = False, "same test path as another suggestion"
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(s["code"], encoding="utf-8")
        written[s["testPath"]] = s
    # compile them together; a file with errors is dropped and the rest compiled again
    test_classes = base / "test-classes"
    classpath = ":".join([str(classes)] + deps + [args.junit_console])
    pending = dict(written)
    for p, errors in compile_dropping(pending, repo, test_classes, classpath).items():
        written[p]["_compileLog"] = errors
    for s in written.values():
        s["_compiled"] = s["testPath"] in pending
    def fqn(s):
        return s["testPath"].split("src/test/java/", 1)[-1][:-len(".java")].replace("/", ".")

    compiled = [s for s in suggestions if s.get("_compiled")]
    passes = {fqn(s): 0 for s in compiled}
    cp = ":".join([str(test_classes), str(classes)] + deps)
    for run in range(RUNS):
        if not compiled:
            break
        reports = base / f"reports-{run}"
        sh(["java", "-Xmx512m", "-jar", args.junit_console, "execute", "--disable-banner", "--details=none",
            "--class-path", cp, "--reports-dir", str(reports)] + [f"--select-class={fqn(s)}" for s in compiled],
           check=False, timeout=900)
        for cls, ok in junit_results(reports).items():
            if ok and cls in passes:
                passes[cls] += 1
    # coverage: before = the checkout's own tests (none: a source jar has no tests), after = the passing suggestions
    passing = [s for s in compiled if passes[fqn(s)] == RUNS]
    before = jacoco_lines(args, base, "before", cp, [], classes, src)
    after = jacoco_lines(args, base, "after", cp, [fqn(s) for s in passing], classes, src)
    for path, lines in changed_lines.items():
        key = path.split("src/main/java/", 1)[-1]
        executable = {n for n in lines if n in after.get(key, {})}
        stats["changedLines"] += len(executable)
        stats["coveredBefore"] += sum(1 for n in executable if before.get(key, {}).get(n))
        covered = sum(1 for n in executable if after[key][n])
        stats["coveredAfter"] += covered
        stats["changeRows"].append((path, len(executable), covered,
                                    sum(1 for s in suggestions if s["_change"] == path)))
    for s in suggestions:
        s["_passes"] = passes.get(fqn(s), 0) if s.get("_compiled") else 0
    suggestions = without_unverified_observations(stats, suggestions)
    tally(stats, suggestions)
    return stats


def compile_dropping(pending, repo, out, classpath):
    """javac on the pending test files (path in the checkout -> anything) into `out`. A file with errors is taken out
    of `pending` and the rest compiled again, until they compile; returns each dropped file's error lines."""
    errors = {}
    for _ in range(20):
        if not pending:
            break
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir()
        result = sh(["javac", "-nowarn", "-encoding", "UTF-8", "-proc:none", "-d", str(out), "-cp", classpath]
                    + [str(repo / p) for p in pending], check=False)
        if result.returncode == 0:
            break
        bad = {str(Path(m).resolve().relative_to(repo.resolve()))
               for m in re.findall(r"^(/\S+\.java):\d+: error:", result.stderr, re.M)} & set(pending)
        for p in bad or set(pending):
            pending.pop(p)
            errors[p] = "\n".join(line for line in result.stderr.split("\n") if p in line)[:1500]
    return errors


def observe_java(awaiting, repo, base, classpath, args):
    """Each case's assertion swapped for a write of its outcome to a file (the client's observation_probe), compiled,
    run OBSERVATIONS times with the JUnit console launcher; a case seen to give the same outcome every time gets it
    written in (the client's observed_code), any other is marked withheld."""
    outcomes = base / "observed"
    outcomes.mkdir(exist_ok=True)
    paths = {}
    for i, s in enumerate(awaiting):
        target = outcomes / f"outcome-{i}"
        paths[s["testPath"]] = (s, target)
        path = repo / s["testPath"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(observation_probe(s["code"], str(target)), encoding="utf-8")
    probe_classes = base / "probe-classes"
    pending = dict(paths)
    compile_dropping(pending, repo, probe_classes, classpath)
    seen = {p: [] for p in pending}
    for run in range(OBSERVATIONS):
        if not pending:
            break
        for _, target in pending.values():
            target.unlink(missing_ok=True)
        sh(["java", "-Xmx512m", "-jar", args.junit_console, "execute", "--disable-banner", "--details=none",
            "--class-path", ":".join([str(probe_classes), classpath])]
           + [f"--select-class={p.split('src/test/java/', 1)[-1][:-5].replace('/', '.')}" for p in pending],
           check=False, timeout=900)
        for p, (_, target) in pending.items():
            seen[p].append(target.read_bytes().decode("utf-8") if target.is_file() else None)
    for p, (s, _) in paths.items():
        (repo / p).unlink(missing_ok=True)
        why = "does not compile" if p not in pending else why_not_written_in(seen[p], str(repo))
        if why:
            s["_withheld"] = why
        else:
            s["code"] = observed_code(s["code"], seen[p][0])


def observe_python(awaiting, repo, base, env):
    """What greengate_ci.py verify does for pytest cases: each probe (observation_probe) run OBSERVATIONS times with
    pytest; a case seen to give the same outcome every time, with nothing of the runner in it, gets it written in."""
    outcomes = base / "observed"
    outcomes.mkdir(exist_ok=True)
    seen = {s["testPath"]: [] for s in awaiting}
    for i, s in enumerate(awaiting):
        path = repo / s["testPath"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(observation_probe(s["code"], str(outcomes / f"outcome-{i}")), encoding="utf-8")
    for _ in range(OBSERVATIONS):
        for i, _s in enumerate(awaiting):
            (outcomes / f"outcome-{i}").unlink(missing_ok=True)
        sh([PY, "-m", "pytest", "-p", "no:cacheprovider", "-q"] + sorted(seen), cwd=repo, env=env, check=False,
           timeout=900)
        for i, s in enumerate(awaiting):
            target = outcomes / f"outcome-{i}"
            seen[s["testPath"]].append(target.read_bytes().decode("utf-8") if target.is_file() else None)
    for s in awaiting:
        (repo / s["testPath"]).unlink(missing_ok=True)
        why = why_not_written_in(seen[s["testPath"]], str(repo))
        if why:
            s["_withheld"] = why
        else:
            s["code"] = observed_code(s["code"], seen[s["testPath"]][0])


def junit_results(reports):
    """Test class → whether every test of it ran and passed, from the console launcher's legacy XML report."""
    ok = {}
    for xml in Path(reports).glob("TEST-*.xml"):
        for case in ET.parse(xml).getroot().iter("testcase"):
            cls = case.get("classname")
            good = not any(child.tag in ("failure", "error", "skipped") for child in case)
            ok[cls] = ok.get(cls, True) and good
    return ok


def jacoco_lines(args, base, label, cp, selected, classes, src):
    """sourcefile (package/Name.java) → {line: covered} for every executable line JaCoCo knows of."""
    exec_file = base / f"{label}.exec"
    agent = f"-javaagent:{args.jacoco_agent}=destfile={exec_file}"
    selection = [f"--select-class={c}" for c in selected] or ["--select-class=java.lang.Object"]
    sh(["java", "-Xmx512m", agent, "-jar", args.junit_console, "execute", "--disable-banner", "--details=none",
        "--class-path", cp] + selection, check=False, timeout=900)
    xml = base / f"{label}.xml"
    sh(["java", "-jar", args.jacoco_cli, "report", str(exec_file), "--classfiles", str(classes),
        "--sourcefiles", str(src), "--xml", str(xml), "--quiet"])
    return jacoco_xml_lines(xml)


# -------------------------------------------------------------------------------------------------------- Python

def definitions(source):
    """Public top-level functions and classes: (name, first line incl. decorators, last line)."""
    tree = ast.parse(source)
    result = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and not node.name.startswith("_"):
            start = min([node.lineno] + [d.lineno for d in node.decorator_list])
            result.append((node.name, start, node.end_lineno))
    return result


def python_lib(lib, service, args, work):
    stats = new_stats(lib["name"], "python", "")
    version = sh(["dpkg-query", "-W", "-f=${Version}", lib["package"]]).stdout.strip()
    stats["diff"] = (f"Debian {lib['package']} {version}: each public top-level function/class of "
                     + ", ".join(lib["modules"]) + " added to the module (one change each)")
    base = work / lib["name"]
    shutil.rmtree(base, ignore_errors=True)
    repo = base / "checkout"
    repo.mkdir(parents=True)
    for item in lib["copy"]:
        source = DIST / item
        if source.is_dir():
            shutil.copytree(source, repo / item, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, repo / item)
    sh(GIT + ["init", "-q", str(repo)])
    sh(GIT + ["add", "-A"], cwd=repo)
    sh(GIT + ["commit", "-q", "-m", f"{lib['package']} {version}"], cwd=repo)
    commit = sh(["git", "rev-parse", "HEAD"], cwd=repo).stdout.strip()
    suggestions = []
    changed_lines = {}  # module path -> line numbers of the added definitions' bodies
    change_lines = {}  # change -> (module, its lines)
    scratch = base / "scratch"
    for module in lib["modules"]:
        content = (repo / module).read_text(encoding="utf-8")
        lines = content.split("\n")
        headers = header_lines(content)
        changed_lines[module] = set()
        for name, start, end in definitions(content):
            without = lines[:start - 1] + lines[end:]
            shutil.rmtree(scratch, ignore_errors=True)
            (scratch / "a" / module).parent.mkdir(parents=True)
            (scratch / "b" / module).parent.mkdir(parents=True)
            (scratch / "a" / module).write_text("\n".join(without), encoding="utf-8")
            (scratch / "b" / module).write_text(content, encoding="utf-8")
            diff = sh(["git", "diff", "--no-index", "--no-prefix", f"a/{module}", f"b/{module}"], cwd=scratch,
                      check=False).stdout
            body = {n for n in range(start, end + 1) if n not in headers}
            changed_lines[module] |= body
            change_lines[f"{module}:{name}"] = (module, body)
            stats["changes"] += 1
            answer = service.suggest(f"debian/{lib['package']}", commit, diff, [{"path": module, "content": content}])
            stats["cpuMs"].append(answer["usage"]["cpuSeconds"] * 1000)
            if answer["suggestions"]:
                stats["changesWithSuggestions"] += 1
            for s in answer["suggestions"]:
                s["_change"] = f"{module}:{name}"
                suggestions.append(s)
    shutil.rmtree(scratch, ignore_errors=True)
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONPATH=str(repo))
    env.pop("PYTHONHOME", None)
    awaiting = [s for s in suggestions if s.get("awaitingObservation")]
    if awaiting:
        observe_python(awaiting, repo, base, env)
        stats["observedCases"] += len(awaiting)
        stats["withheld"] += sum(1 for s in awaiting if s.get("_withheld"))
        stats["withheldRows"] += [(s["_change"], s["targetSymbol"], s["_withheld"]) for s in awaiting if s.get("_withheld")]
        suggestions = [s for s in suggestions if not s.get("_withheld")]

    written = {}
    for s in suggestions:
        if s["testPath"] in written:
            s["_compiled"], s["_note"] = False, "same test path as another suggestion"
            continue
        path = repo / s["testPath"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(s["code"], encoding="utf-8")
        written[s["testPath"]] = s
        s["_function"] = re.findall(r"^def (test_\w+)\(", s["code"], re.M)[-1]
        compiled = sh([PY, "-m", "py_compile", str(path)], check=False)
        s["_compiled"] = compiled.returncode == 0
        if not s["_compiled"]:
            s["_compileLog"] = compiled.stderr[-1500:]
    runnable = [s for s in suggestions if s.get("_compiled")]
    passes = {s["testPath"]: 0 for s in runnable}
    collected = set()
    for run in range(RUNS):
        if not runnable:
            break
        report = base / f"pytest-{run}.xml"
        sh([PY, "-m", "pytest", "-p", "no:cacheprovider", "-q", f"--junitxml={report}"]
           + sorted({s["testPath"] for s in runnable}), cwd=repo, env=env, check=False, timeout=900)
        for case in ET.parse(report).getroot().iter("testcase"):
            module = case.get("classname") or ""
            path = module.replace(".", "/") + ".py"
            good = not any(child.tag in ("failure", "error", "skipped") for child in case)
            if path in passes:
                collected.add(path)
                s = written[path]
                if good and case.get("name") == s["_function"]:
                    passes[path] += 1
            elif not module and case.get("name", "").replace(".", "/") + ".py" in passes:
                pass  # a collection error: the file is not counted as compiled below
    for s in runnable:
        if s["testPath"] not in collected:
            s["_compiled"], s["_note"] = False, "pytest could not collect it (import or collection error)"
    for s in suggestions:
        s["_passes"] = passes.get(s["testPath"], 0) if s.get("_compiled") else 0
    passing = [s for s in suggestions if s["_passes"] == RUNS]
    before = coverage_lines(base, repo, env, "before", [], lib["modules"])
    after = coverage_lines(base, repo, env, "after", [f"{s['testPath']}::{s['_function']}" for s in passing],
                           lib["modules"])
    for module, lines in changed_lines.items():
        statements = after.get(module, {})
        executable = {n for n in lines if n in statements}
        stats["changedLines"] += len(executable)
        stats["coveredBefore"] += sum(1 for n in executable if before.get(module, {}).get(n))
        stats["coveredAfter"] += sum(1 for n in executable if statements[n])
    for change, (module, body) in change_lines.items():
        statements = after.get(module, {})
        executable = [n for n in body if n in statements]
        stats["changeRows"].append((change, len(executable), sum(1 for n in executable if statements[n]),
                                    sum(1 for s in suggestions if s["_change"] == change)))
    suggestions = without_unverified_observations(stats, suggestions)
    tally(stats, suggestions)
    return stats


def coverage_lines(base, repo, env, label, node_ids, modules):
    """module → {statement line: executed} (coverage.py); `before` runs the checkout's own tests: there are none."""
    env = dict(env, COVERAGE_FILE=str(base / f".coverage-{label}"))
    include = ",".join(str(repo / m) for m in modules)
    if node_ids:
        sh([PY, "-m", "coverage", "run", f"--include={include}", "-m", "pytest", "-p", "no:cacheprovider", "-q"]
           + node_ids, cwd=repo, env=env, check=False, timeout=900)
    else:  # nothing to run: measure an empty run, so every statement is still listed (as missed)
        sh([PY, "-m", "coverage", "run", f"--include={include}", "-c", "pass"], cwd=repo, env=env, check=False)
    out = base / f"coverage-{label}.json"
    sh([PY, "-m", "coverage", "json", f"--include={include}", "-o", str(out), "--ignore-errors"], cwd=repo, env=env,
       check=False)
    files = json.loads(out.read_text()).get("files", {}) if out.exists() else {}
    result = {}
    for module in modules:
        data = files.get(module) or files.get(str(repo / module))
        if data is None:  # never imported: parse its statements from an empty report of the module itself
            result[module] = statement_lines(repo, module, env, base, label)
            continue
        result[module] = {n: True for n in data["executed_lines"]}
        result[module].update({n: False for n in data["missing_lines"]})
    return result


def statement_lines(repo, module, env, base, label):
    """All statements of a module coverage.py counts, none executed (for a run that never imported it)."""
    script = ("import coverage, sys; c = coverage.Coverage(); "
              "_, statements, _, _, _ = c.analysis2(sys.argv[1]); print(' '.join(map(str, statements)))")
    out = sh([PY, "-c", script, str(repo / module)], cwd=repo, env=dict(env, COVERAGE_FILE=str(base / "empty")),
             check=False).stdout.split()
    return {int(n): False for n in out}


# ------------------------------------------------------------------------------------------------------ report

def without_unverified_observations(stats, suggestions):
    """An observed-outcome case that did not pass every verification run is, in the CI client's flow, never sent
    back filled in, so never shown: it counts as withheld, not as a shown suggestion that failed."""
    unverified = [s for s in suggestions if s.get("awaitingObservation") and s["_passes"] < RUNS]
    stats["withheld"] += len(unverified)
    stats["withheldRows"] += [(s["_change"], s["targetSymbol"], f"passed {s['_passes']} of {RUNS} verification runs")
                              for s in unverified]
    return [s for s in suggestions if s not in unverified]


def tally(stats, suggestions):
    for s in suggestions:
        stats["suggestions"] += 1
        stats["kinds"][s["caseKind"]] = stats["kinds"].get(s["caseKind"], 0) + 1
        if s.get("_compiled"):
            stats["compiled"] += 1
        if s["_passes"] == RUNS:
            stats["passed"] += 1
        elif s["_passes"] > 0:
            stats["flaky"] += 1
        elif s.get("_compiled"):
            stats["failed"] += 1
        stats["details"].append({"change": s["_change"], "symbol": s["targetSymbol"], "kind": s["caseKind"],
                                 "testPath": s["testPath"], "compiled": bool(s.get("_compiled")),
                                 "passes": s["_passes"], "confidence": s["confidence"],
                                 "note": s.get("_note") or s.get("_compileLog", "")[:300]})


def pct(part, whole):
    return f"{100.0 * part / whole:.0f} %" if whole else "–"


def render(all_stats, command, elapsed):
    def add_up(name, stats):
        total = new_stats(name, "", "")
        for st in stats:
            for key in ("changes", "changesWithSuggestions", "suggestions", "compiled", "passed", "flaky", "failed",
                        "changedLines", "coveredBefore", "coveredAfter", "observedCases", "withheld"):
                total[key] += st[key]
            total["cpuMs"] += st["cpuMs"]
            for k, v in st["kinds"].items():
                total["kinds"][k] = total["kinds"].get(k, 0) + v
        return total
    total = add_up("**total**", all_stats)
    subtotals = [add_up(f"*all {language}*", [st for st in all_stats if st["language"] == language])
                 for language in ("java", "python") if any(st["language"] == language for st in all_stats)]
    rows = []
    for st in all_stats + subtotals + [total]:
        rows.append(f"| {st['library']} | {st['changes']} | {st['changesWithSuggestions']} | {st['suggestions']} | "
                    f"{st['kinds'].get('signature', 0)} | "
                    f"{st['compiled']} ({pct(st['compiled'], st['suggestions'])}) | "
                    f"{st['passed']} ({pct(st['passed'], st['suggestions'])}) | {st['flaky']} | "
                    f"{st['changedLines']} | {st['coveredBefore']} ({pct(st['coveredBefore'], st['changedLines'])}) | "
                    f"{st['coveredAfter']} ({pct(st['coveredAfter'], st['changedLines'])}) |")
    table = "\n".join(["| library | changes | changes with suggestions | suggestions | of which signature pins | "
                       "compiled | passed (3/3 runs) | flaky | changed executable lines | covered before | covered after |",
                       "|---|---|---|---|---|---|---|---|---|---|---|"] + rows)
    compile_ok = total["suggestions"] and total["compiled"] / total["suggestions"] >= 0.90
    pass_ok = total["suggestions"] and total["passed"] / total["suggestions"] >= 0.75
    flaky_ok = total["flaky"] == 0
    cover_ok = total["changedLines"] and total["coveredAfter"] / total["changedLines"] >= 0.60
    verdict = "\n".join([
        "| target | measured | met |", "|---|---|---|",
        f"| ≥ 90 % of suggestions compile | {pct(total['compiled'], total['suggestions'])} | {'yes' if compile_ok else 'no'} |",
        f"| ≥ 75 % of suggestions pass | {pct(total['passed'], total['suggestions'])} | {'yes' if pass_ok else 'no'} |",
        f"| 0 flaky | {total['flaky']} | {'yes' if flaky_ok else 'no'} |",
        f"| ≥ 60 % of changed executable lines covered by the passing suggestions | "
        f"{pct(total['coveredAfter'], total['changedLines'])} | {'yes' if cover_ok else 'no'} |"])
    observed_line = (f"Observed-outcome cases (`--observe`: the client runs each twice and writes in what the call "
                     f"gave when both runs agree and the outcome shows neither the runner nor a clock reading; only a "
                     f"case that then passes all {RUNS} verification runs is shown): {total['observedCases']} "
                     f"proposed, {total['withheld']} withheld, {total['observedCases'] - total['withheld']} shown and "
                     f"counted above." if total["observedCases"] else "")
    cpu = sorted(total["cpuMs"])
    cpu_line = (f"CPU time the service reported per request (`usage.cpuSeconds`): median {statistics.median(cpu):.1f} ms, "
                f"max {cpu[-1]:.1f} ms over {len(cpu)} requests." if cpu else "")
    kinds = ", ".join(f"{k} {v}" for k, v in sorted(total["kinds"].items(), key=lambda kv: -kv[1]))
    diffs = "\n".join(f"- **{st['library']}** ({st['language']}): {st['diff']}" for st in all_stats)
    details = []
    for st in all_stats:
        for d in st["details"]:
            details.append(f"| {st['library']} | `{d['change']}` | `{d['symbol']}` | {d['kind']} | "
                           f"{'yes' if d['compiled'] else 'no'} | {d['passes']}/{RUNS} | {d['confidence']:.2f} | "
                           f"{d['note'].replace('|', '/').replace(chr(10), ' ')[:160]} |")
    change_rows = [f"| {st['library']} | `{c}` | {n} | {cov} | {k} |" for st in all_stats
                   for (c, n, cov, k) in st["changeRows"]]
    withheld_rows = [f"| {st['library']} | `{c}` | `{symbol}` | {why} |" for st in all_stats
                     for (c, symbol, why) in st.get("withheldRows", [])]
    withheld = ("\n\n## Observed-outcome cases withheld\n\nCases the observation step did not show to reviewers, "
                "and why.\n\n| library | change | symbol | why |\n|---|---|---|---|\n" + "\n".join(withheld_rows)
                ) if withheld_rows else ""
    machine = f"{os.cpu_count()} cores, load average at the end {' '.join(open('/proc/loadavg').read().split()[:3])}"
    return summary_text(table, verdict, command, observed_line), f"""# Quality benchmark: the embedded engine on real libraries

Command: `{command}` ({elapsed:.0f} s, {time.strftime('%Y-%m-%dT%H:%MZ', time.gmtime())}, {machine}).

What it does: for each library below, each change's real unified diff (with the changed file's new content) is posted
to a running suggestion-service (real PostgreSQL and Kafka from `local-infra`, the packaged service jar) with
`maxSuggestions` {MAX_SUGGESTIONS} and `engine` embedded. Every suggested test is written at its `testPath` into the
library's source tree (a temporary git checkout under `bench/quality/target/work/`), compiled (Java: `javac` against
the library's classes and JUnit 5; Python: `py_compile`, and pytest must collect it), and run {RUNS} times (JUnit 5
console launcher / Debian's pytest). *Passed* = passed all {RUNS} runs, *flaky* = passed some but not all.
Coverage counts the **changed executable lines**: lines the diff adds that JaCoCo (Java) or coverage.py (Python)
counts as executable (Python: def/class header and decorator lines, which run on import, are left out).
*Before* = covered by the tests the checkout already has: the source jars and Debian's packages ship none, so it is
measured on an empty run and is 0. *After* = covered by all passing suggestions of the library run together.

Diffs:
{diffs}

Java: a *change* is one changed `.java` file of the release diff (`git diff <old> <new> -- <file>` in the checkout
where both releases are committed), a commit-sized unit for the 10-suggestion cap; a release diff posted whole
would be capped at 10 suggestions for dozens of files. Python: a Debian package has one version, so a *change* is
one public top-level function or class of the module added to the module as Debian ships it (a real
`git diff --no-index` of the module without and with it).

## Results

{table}

{verdict}

Case kinds: {kinds}. A *signature pin* (the engine's fallback where the code states no outcome) checks the
parameter and return types by reflection: it compiles and passes but runs none of the changed lines.

{observed_line}

{cpu_line}

## Every change

Changed executable lines of each change, how many of them the library's passing suggestions cover (all of them run
together), and how many suggestions the change got.

| library | change | changed executable lines | covered after | suggestions |
|---|---|---|---|---|
""" + "\n".join(change_rows) + f"""

## Every suggestion

| library | change | symbol | kind | compiled | passed runs | confidence | note |
|---|---|---|---|---|---|---|---|
""" + "\n".join(details) + withheld + "\n"


def summary_text(table, verdict, command, observed_line=""):
    return f"""Command: `{command}` (details, diffs used and every suggestion in `bench/quality/RESULTS.md`).

{table}

{verdict}

{observed_line}
"""


def update_bench_results(results_md, summary_md):
    path = Path(results_md)
    text = path.read_text()
    heading = "## Quality of suggestions on real libraries"
    section = heading + "\n\n" + Path(summary_md).read_text().strip() + "\n"
    pattern = re.compile(re.escape(heading) + r".*?(?=\n## |\Z)", re.S)
    text = pattern.sub(lambda _: section.rstrip("\n") + "\n", text) if pattern.search(text) \
        else text.rstrip("\n") + "\n\n" + section
    path.write_text(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--list-jars", action="store_true")
    parser.add_argument("--service")
    parser.add_argument("--token")
    parser.add_argument("--out")
    parser.add_argument("--jacoco-agent")
    parser.add_argument("--jacoco-cli")
    parser.add_argument("--junit-console")
    parser.add_argument("--command", default="bench/quality/run.sh")
    parser.add_argument("--elapsed-start", type=float, default=time.time())
    parser.add_argument("--only", help="comma-separated library names")
    parser.add_argument("--update-bench-results")
    parser.add_argument("--summary")
    parser.add_argument("--observe", action="store_true",
                        help="ask for observed-outcome cases and fill them in as greengate_ci.py verify does")
    args = parser.parse_args()
    if args.list_jars:
        list_jars()
        return
    if args.update_bench_results:
        update_bench_results(args.update_bench_results, args.summary)
        return
    service = Service(args.service, args.token, args.observe)
    work = Path(args.out) / "work"
    work.mkdir(parents=True, exist_ok=True)
    only = set(args.only.split(",")) if args.only else None
    all_stats = []
    for lib in JAVA_LIBS:
        if not only or lib["name"] in only:
            print(f"{lib['name']} ...", file=sys.stderr)
            all_stats.append(java_lib(lib, service, args, work))
    for lib in PY_LIBS:
        if not only or lib["name"] in only:
            print(f"{lib['name']} ...", file=sys.stderr)
            all_stats.append(python_lib(lib, service, args, work))
    summary, full = render(all_stats, args.command, time.time() - args.elapsed_start)
    Path(args.out, "RESULTS.md").write_text(full)
    Path(args.out, "summary.md").write_text(summary)
    Path(args.out, "stats.json").write_text(json.dumps(all_stats, indent=1, ensure_ascii=False))
    print(summary)


if __name__ == "__main__":
    main()
