#!/usr/bin/env python3
"""Greengate's CI client: send a change, wait on the reviewers' gate, apply the accepted tests.

    greengate_ci.py suggest [--base REF] [--head REF]   post the diff BASE..HEAD (default HEAD~1..HEAD);
                            [--observe]                  --observe: also characterization cases CI fills in
    greengate_ci.py verify  [--commit REF] [--runs N]    run each suggested test N times here, report the outcome
                                                         (an observed-outcome case: run it to see what the call
                                                         gives, write that in, then run it N times)
    greengate_ci.py wait    [--commit REF] [--timeout S] wait until every suggestion of the commit is decided
    greengate_ci.py apply   [--commit REF]               git apply the accepted and modified tests
    greengate_ci.py run     [--base REF] [--verify]      suggest (verify) wait apply, in that order
    greengate_ci.py build   [--job NAME] -- COMMAND...   run the build command, report its CPU and wall time to
                                                         carbon-meter (energy, CO2e), exit with the command's code

Run inside the git checkout (or pass --git-dir). Needs only Python 3 and git. Configuration by option or
environment: GREENGATE_TOKEN (a `ci` token, required), GREENGATE_SUGGESTIONS_URL (default
http://127.0.0.1:8081), GREENGATE_REVIEWS_URL (default http://127.0.0.1:8082), GREENGATE_CARBON_URL (default
http://127.0.0.1:8084), GREENGATE_REGION (the runner's cloud region, for its grid's carbon intensity),
GREENGATE_REPOSITORY (default: the origin remote as host/owner/name, else the checkout's directory name).

`verify` runs generated code: run it where CI runs untrusted tests (a sandboxed job), never on a service's host.
Suggestions with risk flags (process execution, network, file deletion, ...) are left unrun unless --run-risky.
The test commands are templates: {path} is the test file, {class} the JUnit class's qualified name.

Exit codes: 0 done (also when there was nothing to suggest or to apply), 1 an error (the service's problem+json
detail is printed), 2 wrong usage, 3 the gate did not pass within --timeout.
"""
import argparse
import getpass
import hashlib
import json
import os
import re
import resource
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

# the API's limits (CONTRACTS.md / CreateSuggestionsRequest): larger files are left out of the context
MAX_FILES = 500
MAX_FILE_CHARS = 2_000_000
MAX_SUPERCLASSES = 4
MAX_CONSTRUCTOR_TYPES = 4


class Failure(Exception):
    """An error worth one line to the CI log, and exit code 1."""


def git(git_dir, *args, check=True):
    result = subprocess.run(["git", "-C", git_dir, *args], capture_output=True, text=True)
    if check and result.returncode != 0:
        raise Failure(f"git {' '.join(args)} failed: {result.stderr.strip()}")
    return result.stdout


def show(git_dir, commit, path):
    """A file's content at a commit, or None when it is not there or not text."""
    result = subprocess.run(["git", "-C", git_dir, "show", f"{commit}:{path}"], capture_output=True)
    if result.returncode != 0:
        return None
    try:
        return result.stdout.decode("utf-8")
    except UnicodeDecodeError:
        return None


def repository_name(git_dir):
    """host/owner/name from the origin remote (ssh or https), else the checkout's directory name."""
    url = git(git_dir, "remote", "get-url", "origin", check=False).strip()
    match = re.match(r"^(?:[a-z+]+://)?(?:[^@/]+@)?([^:/]+)[:/](.+?)(?:\.git)?/?$", url)
    if match:
        return f"{match.group(1)}/{match.group(2)}"
    top = git(git_dir, "rev-parse", "--show-toplevel").strip()
    return os.path.basename(top) or "repository"


def superclass_files(read, path, content, depth=MAX_SUPERCLASSES):
    """The sources of the classes a Java file's public class extends, found by import or in the same package
    under the same source root: the engine follows the methods the class inherits into the ones it overrides.
    `read(path)` gives a file's content or None."""
    found = []
    marker = path.rfind("/src/main/java/") + 1 if "/src/main/java/" in path else path.find("src/main/java/")
    if marker < 0:
        return found
    root = path[:marker] + "src/main/java/"
    package = (re.findall(r"^package ([\w.]+);", content, re.M) or [""])[0]
    while depth > 0:
        extends = re.search(r"\bpublic\s+(?:abstract\s+|final\s+)*class\s+\w+(?:<[^{]*?>)?\s+extends\s+([\w.]+)", content)
        if not extends:
            break
        name = extends.group(1)
        imported = re.findall(r"^import ([\w.]+\." + re.escape(name.split(".")[-1]) + r");", content, re.M)
        qualified = name if "." in name else imported[0] if imported else f"{package}.{name}".lstrip(".")
        candidate = root + qualified.replace(".", "/") + ".java"
        content = read(candidate)
        if content is None:
            break
        package = qualified.rsplit(".", 1)[0] if "." in qualified else ""
        found.append({"path": candidate, "content": content})
        depth -= 1
    return found


def constructor_type_files(read, path, content, limit=MAX_CONSTRUCTOR_TYPES):
    """The sources of the same-package classes a Java file's public class takes in its constructors: an
    observed-outcome case needs an instance to call a changed method on (new CSVPrinter(out, CSVFormat.DEFAULT)).
    `read(path)` gives a file's content or None."""
    name = re.search(r"\bpublic\s+(?:abstract\s+|final\s+)*class\s+(\w+)", content)
    if not name:
        return []
    directory = path.rsplit("/", 1)[0] + "/" if "/" in path else ""
    types = []
    for parameters in re.findall(r"\b" + name.group(1) + r"\s*\(([^)]*)\)\s*(?:throws[^{;]*)?\{", content):
        for type_name in re.findall(r"(?:^|,)\s*(?:final\s+)?(?:@\w+\s+)*([A-Z]\w*)(?:<[^>]*>)?\s+\w+", parameters):
            if type_name != name.group(1) and type_name not in types:
                types.append(type_name)
    found = []
    for type_name in types:
        content = read(directory + type_name + ".java")
        if content is not None and len(found) < limit:
            found.append({"path": directory + type_name + ".java", "content": content})
    return found


def existing_test_paths(path):
    """Where the project's existing tests of a changed file would be: the engine drops suggestions they repeat."""
    directory, name = os.path.split(path)
    stem, extension = os.path.splitext(name)
    if extension == ".py":
        return [f"tests/test_{stem}.py", os.path.join(directory, f"test_{stem}.py"),
                os.path.join(directory, "tests", f"test_{stem}.py")]
    if extension == ".java" and "src/main/java/" in path:
        return [path.replace("src/main/java/", "src/test/java/", 1)[:-len(".java")] + "Test.java"]
    return []


def context_files(git_dir, base, head, observe=False):
    """What CI sends beside the diff: each changed file as it is at head, the sources of the classes a changed
    Java class extends (and, when observing, of the same-package classes its constructors take: observed-outcome cases
    need instances), and the existing tests of the changed files."""
    changed = [line.split("\t")[-1] for line in
               git(git_dir, "diff", "--name-status", "--diff-filter=AMR", base, head).splitlines() if line]
    files, seen = [], set()

    def add(path, content):
        if path in seen or content is None or len(content) > MAX_FILE_CHARS or len(files) >= MAX_FILES:
            return
        seen.add(path)
        files.append({"path": path, "content": content})

    for path in changed:
        content = show(git_dir, head, path)
        add(path, content)
        if content is not None and path.endswith(".java"):
            read = lambda p: show(git_dir, head, p)  # noqa: E731
            constructor_types = constructor_type_files(read, path, content) if observe else []
            for context in superclass_files(read, path, content) + constructor_types:
                add(context["path"], context["content"])
    for path in changed:
        for test in existing_test_paths(path):
            add(os.path.normpath(test), show(git_dir, head, os.path.normpath(test)))
    return files


class Greengate:
    def __init__(self, suggestions_url, reviews_url, token, carbon_url=None):
        self.suggestions_url = suggestions_url.rstrip("/")
        self.reviews_url = reviews_url.rstrip("/")
        self.carbon_url = (carbon_url or "").rstrip("/")
        self.token = token

    def call(self, method, url, body=None, headers=None):
        """(status, body text); a 4xx/5xx becomes a Failure carrying the problem's title and detail."""
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(url, data=data, method=method, headers={
            "Authorization": "Bearer " + self.token, "Accept": "application/json, text/x-diff",
            **({"Content-Type": "application/json"} if data is not None else {}), **(headers or {})})
        try:
            with urllib.request.urlopen(request, timeout=300) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            text = error.read().decode("utf-8", "replace")
            try:
                problem = json.loads(text)
                message = f"{problem.get('title', '')}: {problem.get('detail', '')}".strip(": ")
                if problem.get("errors"):
                    message += " " + json.dumps(problem["errors"])
            except ValueError:
                message = text[:500]
            raise Failure(f"{method} {url} answered {error.code}: {message}") from None
        except urllib.error.URLError as error:
            raise Failure(f"{method} {url}: {error.reason}") from None

    def suggest(self, body, idempotency_key):
        _, text = self.call("POST", self.suggestions_url + "/api/v1/suggestions", body,
                            {"Idempotency-Key": idempotency_key})
        return json.loads(text)

    def suggestions(self, repository, commit):
        query = urllib.parse.urlencode({"repository": repository, "commit": commit})
        return json.loads(self.call("GET", f"{self.suggestions_url}/api/v1/suggestions?{query}")[1])

    def report(self, suggestion_id, verification):
        self.call("POST", f"{self.suggestions_url}/api/v1/suggestions/{suggestion_id}/verification", verification)

    def report_build(self, build):
        return json.loads(self.call("POST", self.carbon_url + "/api/v1/builds", build)[1])

    def gate(self, repository, commit):
        query = urllib.parse.urlencode({"repository": repository, "commit": commit})
        return json.loads(self.call("GET", f"{self.reviews_url}/api/v1/gates?{query}")[1])

    def patch(self, repository, commit):
        query = urllib.parse.urlencode({"repository": repository, "commit": commit})
        status, text = self.call("GET", f"{self.reviews_url}/api/v1/gates/patch?{query}")
        return text if status == 200 else None


def log(message):
    print(message, file=sys.stderr, flush=True)


def suggest(service, options):
    head = git(options.git_dir, "rev-parse", options.head).strip()
    base = git(options.git_dir, "rev-parse", options.base).strip()
    diff = git(options.git_dir, "diff", "--no-color", "--no-ext-diff", base, head)
    if not diff.strip():
        log(f"nothing changed between {base[:12]} and {head[:12]}: no suggestions asked for")
        return 0
    body = {"repository": options.repository, "commit": head, "diff": diff,
            "files": context_files(options.git_dir, base, head, options.observe), "engine": options.engine}
    if options.max_suggestions:
        body["maxSuggestions"] = options.max_suggestions
    if options.observe:
        body["observe"] = True
    if options.branch:
        body["branch"] = options.branch
    if options.pull_request:
        body["pullRequest"] = options.pull_request
    # the same change sent again (a retried CI job) gets the same batch back
    key = "greengate-ci-" + hashlib.sha256(f"{options.repository}\n{base}\n{head}".encode()).hexdigest()[:40]
    batch = service.suggest(body, key)
    log(f"{len(batch['suggestions'])} suggestion(s) for {head[:12]} from {batch['engine']} "
        f"({batch.get('modelVersion')}), {batch['usage']['cpuSeconds'] * 1000:.0f} ms of CPU")
    for suggestion in batch["suggestions"]:
        log(f"  {suggestion['testPath']}  {suggestion['targetSymbol']}  confidence {suggestion['confidence']:.2f}"
            + (f"  risk: {', '.join(suggestion['riskFlags'])}" if suggestion.get("riskFlags") else ""))
    for note in batch.get("notes") or []:
        log(f"  note: {note}")
    print(json.dumps({"batchId": batch["batchId"], "commit": head, "suggestions": len(batch["suggestions"])}))
    return 0


DEFAULT_COMMANDS = {
    "python": "python3 -m pytest -q -p no:cacheprovider {path}",
    "java": "mvn -q -B test -Dtest={class} -Dsurefire.failIfNoSpecifiedTests=false",
}
MAX_LOG_CHARS = 20_000


def junit_class(test_path):
    """src/test/java/org/acme/CartTest.java -> org.acme.CartTest"""
    inside = test_path.split("src/test/java/", 1)[-1]
    return inside[:-len(".java")].replace("/", ".") if inside.endswith(".java") else inside


def run_test(command, git_dir, timeout):
    """(exit code, output) of one run; a run over its time limit counts as failed."""
    try:
        # no __pycache__ left in the checkout by the runs
        environment = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
        result = subprocess.run(command, shell=True, cwd=git_dir, capture_output=True, text=True, timeout=timeout,
                                env=environment)
        return result.returncode, result.stdout + result.stderr
    except subprocess.TimeoutExpired as expired:
        output = (expired.stdout or b"").decode("utf-8", "replace") if isinstance(expired.stdout, bytes) \
            else (expired.stdout or "")
        return -1, output + f"\n(stopped after {timeout:g} s)"


def parses_as_python(code, path):
    """Whether the file compiles; compile() only parses, it runs nothing, and writes no bytecode."""
    try:
        compile(code, path, "exec")
        return True
    except (SyntaxError, ValueError):
        return False


def verify_one(suggestion, options, runs=None):
    """Writes the suggested file where it says, runs it, and puts the checkout back as it was."""
    path = os.path.join(options.git_dir, suggestion["testPath"])
    previous = open(path, encoding="utf-8").read() if os.path.isfile(path) else None
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding="utf-8") as file:
        file.write(suggestion["code"])
    try:
        language = suggestion["language"]
        template = options.python_command if language == "python" else options.java_command
        command = template.format(path=suggestion["testPath"], **{"class": junit_class(suggestion["testPath"])})
        if language == "python":
            compiled = parses_as_python(suggestion["code"], path)
        outcomes, failing_output = [], ""
        for _ in range(runs or options.runs):
            code, output = run_test(command, options.git_dir, options.run_timeout)
            if language != "python":
                compiled = not re.search(r"COMPILATION ERROR|Compilation failed", output)
            outcomes.append(code == 0)
            if code != 0:
                failing_output = output
            if not compiled:
                break
        passes = sum(outcomes)
        return {"compiled": compiled, "passed": compiled and passes == len(outcomes), "runs": len(outcomes),
                "flaky": 0 < passes < len(outcomes),
                "log": (failing_output or output)[-MAX_LOG_CHARS:]}
    finally:
        if previous is None:
            os.remove(path)
        else:
            with open(path, "w", encoding="utf-8") as file:
                file.write(previous)


# observed-outcome cases (the service's ObservedOutcomes): the one statement CI swaps, and how many runs must agree
OBSERVE_ASSERTION = 'assertEquals("greengate:observe", outcome);'
PYTHON_OBSERVE_ASSERTION = 'assert outcome == "greengate:observe"'
OBSERVATIONS = 2


def java_string(text):
    """Java source for the text as one string literal: quotes, backslashes and line breaks escaped, anything outside
    printable ASCII as a unicode escape (the service checks that observedCode holds exactly such a literal)."""
    escapes = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
    out = []
    for c in text:
        if c in escapes:
            out.append(escapes[c])
        elif 0x20 <= ord(c) <= 0x7e:
            out.append(c)
        else:
            units = c.encode("utf-16-be", "surrogatepass")
            out.extend(f"\\u{int.from_bytes(units[i:i + 2], 'big'):04x}" for i in range(0, len(units), 2))
    return '"' + "".join(out) + '"'


def observed_code(code, outcome):
    """The case with the outcome written in where the placeholder was: a Java string literal in a JUnit case, a
    Python one (repr) in a pytest case."""
    if PYTHON_OBSERVE_ASSERTION in code:
        return code.replace(PYTHON_OBSERVE_ASSERTION, f"assert outcome == {outcome!r}")
    return code.replace(OBSERVE_ASSERTION, f"assertEquals({java_string(outcome)}, outcome);")


def observation_probe(code, target):
    """The case with its assertion swapped for a write of the outcome to the file `target`: what CI runs to see it."""
    if PYTHON_OBSERVE_ASSERTION in code:
        return code.replace(PYTHON_OBSERVE_ASSERTION,
                            f"__import__('pathlib').Path({target!r}).write_bytes(outcome.encode('utf-8'))")
    return code.replace(OBSERVE_ASSERTION, "java.nio.file.Files.write(java.nio.file.Paths.get(" + java_string(target)
                        + "), outcome.getBytes(java.nio.charset.StandardCharsets.UTF_8));")


def environment_in(outcome, checkout):
    """The first fact of this runner the outcome shows (the checkout's or temp folder's path, the home folder, the
    host or user name), or None: an outcome that holds one passes here and fails on the next machine."""
    facts = [os.path.abspath(checkout), os.path.realpath(checkout), os.path.join(tempfile.gettempdir(), ""),
             os.path.expanduser("~"), socket.gethostname(), getpass.getuser()]
    # short names (root, ci, a one-letter host) are words an outcome may hold for its own reasons
    return next((fact for fact in facts if len(fact) > 4 and fact in outcome), None)


# times of day, durations and timestamps as programs print them: 00:00:01.250, 2026-11-24T20:40, PT3S
CLOCK = re.compile(r"\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b|\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|\bPT\d")


def clock_in(outcome):
    """The first clock reading in the outcome (a time, duration or timestamp), or None: two runs may agree on one by
    chance (a stopwatch read within the same millisecond) and the next run not."""
    found = CLOCK.search(outcome)
    return found.group(0) if found else None


def why_not_written_in(runs, checkout):
    """Why the outcomes the observation runs saw may not be written in, or None when they may: a run saw nothing, the
    runs disagree, or the outcome shows a clock reading or this runner (it would fail on the next run or machine)."""
    if len(runs) < OBSERVATIONS or None in runs:
        return "nothing observed"
    if len(set(runs)) > 1:
        return "the outcome differed between runs"
    reading = clock_in(runs[0])
    if reading:
        return f"the outcome shows a clock reading ({reading}), which may differ on the next run"
    fact = environment_in(runs[0], checkout)
    if fact:
        return f"the outcome shows this runner ({fact}), so it would fail elsewhere"
    return None


def observe_one(suggestion, options):
    """Runs the case with its assertion swapped for a write of the outcome to a file, OBSERVATIONS times:
    (outcome, None) when it may be written in (why_not_written_in), else (None, report) with why not."""
    seen = []
    with tempfile.TemporaryDirectory(prefix="greengate-observe-") as scratch:
        for run in range(OBSERVATIONS):
            target = os.path.join(scratch, f"outcome-{run}")
            report = verify_one(dict(suggestion, code=observation_probe(suggestion["code"], target)), options, runs=1)
            if not os.path.isfile(target):
                report.update(passed=False, log="no outcome observed:\n" + report["log"])
                return None, report
            with open(target, encoding="utf-8", newline="") as file:  # a \r\n in the outcome stays one
                seen.append(file.read())
    why = why_not_written_in(seen, options.git_dir)
    if why:
        return None, {"compiled": True, "passed": False, "runs": OBSERVATIONS, "flaky": len(set(seen)) > 1,
                      "log": why + ":\n" + "\n".join(dict.fromkeys(seen))[-MAX_LOG_CHARS:]}
    return seen[0], None


def verify_observed(suggestion, options):
    """Observes the case's outcome, writes it in, and verifies the filled case: only a case that passes goes back
    with observedCode, and only then does the service show it to reviewers."""
    outcome, failed = observe_one(suggestion, options)
    if failed:
        return failed
    filled = observed_code(suggestion["code"], outcome)
    report = verify_one(dict(suggestion, code=filled), options)
    if report["passed"]:
        report["observedCode"] = filled
    return report


def verify(service, options):
    """Each suggestion of the commit run `--runs` times in this checkout (at that commit), reported to Greengate:
    reviewers see it, and the ranker and the auto-accept policy use it."""
    commit = git(options.git_dir, "rev-parse", options.commit).strip()
    if git(options.git_dir, "rev-parse", "HEAD").strip() != commit:
        raise Failure(f"check out {commit[:12]} first: the suggested tests are run in this checkout")
    for suggestion in service.suggestions(options.repository, commit):
        if suggestion.get("verification") and not options.again:
            continue
        if suggestion.get("riskFlags") and not options.run_risky:
            log(f"  not run (risk: {', '.join(suggestion['riskFlags'])}): {suggestion['testPath']}")
            continue
        report = verify_observed(suggestion, options) if suggestion.get("awaitingObservation") \
            else verify_one(suggestion, options)
        service.report(suggestion["id"], report)
        outcome = "passed" if report["passed"] else "flaky" if report["flaky"] else \
            "failed" if report["compiled"] else "does not compile"
        log(f"  {outcome} ({report['runs']} run(s)): {suggestion['testPath']}  {suggestion['targetSymbol']}")
    return 0


def wait(service, options):
    """PASSED once every suggestion of the commit has a decision. Reviews are created from events, so a gate read
    right after the suggestions were stored may not count them all yet: the count comes from suggestion-service."""
    commit = git(options.git_dir, "rev-parse", options.commit).strip()
    deadline = time.monotonic() + options.timeout
    last = None
    while True:
        # an observed-outcome case CI has not filled in (or that failed) never reaches reviewers
        expected = sum(1 for s in service.suggestions(options.repository, commit) if not s.get("awaitingObservation"))
        gate = service.gate(options.repository, commit)
        counted = sum(gate.get(k, 0) for k in ("pending", "accepted", "modified", "rejected"))
        if expected == 0:
            log(f"no suggestions for {commit[:12]}: nothing to wait for")
            return 0
        if gate["status"] == "PASSED" and counted >= expected:
            log(f"gate PASSED for {commit[:12]}: {gate['accepted']} accepted, {gate['modified']} modified, "
                f"{gate['rejected']} rejected")
            return 0
        decided = counted - gate.get("pending", 0)
        state = (gate["status"], decided)
        if state != last:
            log(f"gate {gate['status']} for {commit[:12]}: {max(expected - decided, 0)} of {expected} "
                f"suggestion(s) still to decide")
            last = state
        if time.monotonic() >= deadline:
            log(f"the gate did not pass within {options.timeout:g} s")
            return 3
        time.sleep(min(options.interval, max(deadline - time.monotonic(), 0.1)))


def apply(service, options):
    commit = git(options.git_dir, "rev-parse", options.commit).strip()
    patch = service.patch(options.repository, commit)
    if patch is None:
        log(f"nothing to apply for {commit[:12]} (no suggestions, or none accepted)")
        return 0
    check = subprocess.run(["git", "-C", options.git_dir, "apply", "--check", "-"], input=patch, text=True,
                           capture_output=True)
    if check.returncode != 0:
        raise Failure(f"the accepted tests do not apply to this checkout: {check.stderr.strip()}")
    subprocess.run(["git", "-C", options.git_dir, "apply", "-"], input=patch, text=True, check=True)
    added = re.findall(r"^\+\+\+ b/(.+)$", patch, re.M)
    log(f"applied {len(added)} test file(s): {', '.join(added)}")
    return 0


def runner_vcpus():
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def runner_memory_gb():
    try:
        with open("/proc/meminfo") as meminfo:
            kilobytes = int(re.search(r"^MemTotal:\s+(\d+) kB", meminfo.read(), re.M).group(1))
        return round(kilobytes / 1024 / 1024, 2)
    except (OSError, AttributeError, ValueError):
        return None


def build(service, options):
    """Runs the build command as it is, then reports what it used. Its exit code is the client's: a build that
    failed still fails, and one that passed is not failed by a report that could not be sent."""
    if not options.build_command:
        raise Failure("no build command: greengate_ci.py build [options] -- COMMAND...")
    commit = git(options.git_dir, "rev-parse", options.commit).strip()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    try:
        code = subprocess.call(options.build_command)
        status = "SUCCESS" if code == 0 else "CANCELLED" if code < 0 else "FAILURE"
    except KeyboardInterrupt:
        code, status = 130, "CANCELLED"
    except OSError as error:
        raise Failure(f"could not run {options.build_command[0]}: {error}") from None
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    report = {"repository": options.repository, "commit": commit, "pipeline": options.pipeline, "job": options.job,
              "cpuSeconds": round(cpu, 3), "wallSeconds": round(wall, 3), "vcpus": runner_vcpus(),
              "memoryGb": runner_memory_gb(), "region": options.region, "status": status}
    try:
        stored = service.report_build(report)
        log(f"build {status}: {cpu:.1f} s CPU, {wall:.1f} s wall on {report['vcpus']} vCPU(s) -> "
            f"{stored['energyJoules']:.0f} J, {stored['co2eGrams']:.3f} g CO2e ({stored['method']}"
            f"{', world-average grid' if stored.get('regionFallback') else ''})")
        print(json.dumps({"buildId": stored["id"], "energyJoules": stored["energyJoules"],
                          "co2eGrams": stored["co2eGrams"], "status": status}))
    except Failure as failure:
        log(f"greengate: the build's usage was not reported: {failure}")
    return code


def run(service, options):
    options.commit = options.head
    for step in (suggest, verify, wait, apply) if options.verify or options.observe else (suggest, wait, apply):
        code = step(service, options)
        if code != 0:
            return code
    return 0


def parse(argv):
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--git-dir", default=".", help="the checkout (default: the current directory)")
    common.add_argument("--repository", default=os.environ.get("GREENGATE_REPOSITORY"))
    common.add_argument("--token", default=os.environ.get("GREENGATE_TOKEN"), help="a ci token (GREENGATE_TOKEN)")
    common.add_argument("--suggestions-url",
                        default=os.environ.get("GREENGATE_SUGGESTIONS_URL", "http://127.0.0.1:8081"))
    common.add_argument("--reviews-url", default=os.environ.get("GREENGATE_REVIEWS_URL", "http://127.0.0.1:8082"))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    common.add_argument("--carbon-url", default=os.environ.get("GREENGATE_CARBON_URL", "http://127.0.0.1:8084"))
    for name, function in (("suggest", suggest), ("verify", verify), ("wait", wait), ("apply", apply), ("run", run),
                           ("build", build)):
        command = commands.add_parser(name, parents=[common])
        command.set_defaults(function=function)
        if name in ("suggest", "run"):
            command.add_argument("--base", default="HEAD~1")
            command.add_argument("--head", default="HEAD")
            command.add_argument("--engine", choices=("embedded", "llm"), default="embedded")
            command.add_argument("--max-suggestions", type=int)
            command.add_argument("--branch")
            command.add_argument("--pull-request", type=int)
            command.add_argument("--observe", action="store_true",
                                 help="also ask for observed-outcome cases: verify runs them, writes in what the call"
                                      " gave, and only then do reviewers see them (run: implies --verify)")
        if name in ("verify", "wait", "apply", "build"):
            command.add_argument("--commit", default="HEAD")
        if name == "build":
            command.add_argument("--pipeline", default=os.environ.get("GREENGATE_PIPELINE", "ci"))
            command.add_argument("--job", default=os.environ.get("GREENGATE_JOB", "build"))
            command.add_argument("--region", default=os.environ.get("GREENGATE_REGION"))
            command.add_argument("build_command", nargs=argparse.REMAINDER, help="-- and the build command")
        if name == "run":
            command.add_argument("--verify", action="store_true", help="run the suggested tests before waiting")
        if name in ("verify", "run"):
            command.add_argument("--runs", type=int, default=3, help="runs per test (default 3): flaky or not")
            command.add_argument("--run-timeout", type=float, default=600, help="seconds per run (default 600)")
            command.add_argument("--python-command", default=DEFAULT_COMMANDS["python"])
            command.add_argument("--java-command", default=DEFAULT_COMMANDS["java"])
            command.add_argument("--run-risky", action="store_true", help="also run suggestions with risk flags")
            command.add_argument("--again", action="store_true", help="also run suggestions already verified")
        if name in ("wait", "run"):
            command.add_argument("--timeout", type=float, default=3600, help="seconds (default 3600)")
            command.add_argument("--interval", type=float, default=10, help="seconds between polls (default 10)")
    options = parser.parse_args(argv)
    if getattr(options, "build_command", None) and options.build_command[0] == "--":
        options.build_command = options.build_command[1:]
    if getattr(options, "runs", 1) < 1:
        parser.error("--runs must be at least 1")
    if not options.token:
        parser.error("a ci token is required: --token or GREENGATE_TOKEN")
    return options


def main(argv=None):
    options = parse(argv)
    try:
        options.repository = options.repository or repository_name(options.git_dir)
        service = Greengate(options.suggestions_url, options.reviews_url, options.token, options.carbon_url)
        return options.function(service, options)
    except Failure as failure:
        log(f"greengate: {failure}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
