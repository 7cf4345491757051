#!/usr/bin/env python3
"""Greengate's CI client: send a change, wait on the reviewers' gate, apply the accepted tests.

    greengate_ci.py suggest [--base REF] [--head REF]   post the diff BASE..HEAD (default HEAD~1..HEAD);
                            [--observe]                  --observe: also characterization cases CI fills in
    greengate_ci.py verify  [--commit REF] [--base REF]  run each suggested test N times here (head) and once on the
                            [--runs N]                   base commit (a temporary git worktree), report the outcome
                                                         and a verdict: REVEALS_CHANGE, HOLDS or FAILS_ON_HEAD
                                                         (an observed-outcome case: run it to see what the call
                                                         gives, on head and base, write that in, then run it;
                                                         per method, the ones that show the change, else one pin:
                                                         --all-pins sends every passing one)
    greengate_ci.py wait    [--commit REF] [--timeout S] wait until every suggestion of the commit is decided
    greengate_ci.py apply   [--commit REF]               git apply the accepted and modified tests
    greengate_ci.py run     [--base REF] [--verify]      suggest (verify) wait apply, in that order
    greengate_ci.py build   [--job NAME] -- COMMAND...   run the build command, report its CPU and wall time to
                                                         carbon-meter (energy, CO2e), exit with the command's code

Run inside the git checkout (or pass --git-dir). Needs only Python 3 and git (verify: pytest or javac and
JUnit; coverage.py and JaCoCo for the changed lines' coverage). Configuration by option or
environment: GREENGATE_TOKEN (a `ci` token, required), GREENGATE_SUGGESTIONS_URL (default
http://127.0.0.1:8081), GREENGATE_REVIEWS_URL (default http://127.0.0.1:8082), GREENGATE_CARBON_URL (default
http://127.0.0.1:8084), GREENGATE_REGION (the runner's cloud region, for its grid's carbon intensity),
GREENGATE_REPOSITORY (default: the origin remote as host/owner/name, else the checkout's directory name).

`verify` runs generated code: run it where CI runs untrusted tests (a sandboxed job), never on a service's host.
Suggestions with risk flags (process execution, network, file deletion, ...) are left unrun unless --run-risky.
The test commands are templates, split once like a shell would (quotes) but never run by one: {path} is the test
files (pytest: the node ids of the functions a suggestion adds), {class} the JUnit classes' qualified names, each
value one argument; `A && B` runs B after A. All cases of a language run in one invocation per run and per side.
A testPath that is not a plain relative path in a test folder is refused, never written. The tests run without the
GREENGATE_* variables. client/README.md tells the rest (report fields, coverage with coverage.py and JaCoCo).

Exit codes: 0 done (also when there was nothing to suggest or to apply), 1 an error (the service's problem+json
detail is printed), 2 wrong usage, 3 the gate did not pass within --timeout.
"""
import argparse
import ast
import contextlib
import getpass
import hashlib
import json
import os
import re
import resource
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

# the API's limits (docs/openapi/suggestion-service.json, CreateSuggestionsRequest): larger files are left out of the context
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
MAX_TEST_PATH = 300
# a test path is plain: letters, digits and _ . / - only (no shell metacharacters, quotes, whitespace or controls)
SAFE_PATH = re.compile(r"[A-Za-z0-9_./-]+")
NEVER_WRITTEN = ("conftest.py", "__init__.py")
# the only operator a test command template may hold: the commands around it run one after the other (no shell)
CHAIN = "&&"
SHELL_PUNCTUATION = "();<>|&"
VERDICTS = ("REVEALS_CHANGE", "HOLDS", "FAILS_ON_HEAD")


def refused_test_path(path, language=None):
    """Why a suggestion's testPath may not be written into the checkout, or None when it may: it must be a short,
    plain, relative path in a test folder (tests/, test/, src/test/) or a test_*.py / *_test.py file, with no ..,
    and never a conftest.py or __init__.py (they change how every test runs)."""
    if not isinstance(path, str) or not path:
        return "no test path"
    if len(path) > MAX_TEST_PATH:
        return f"longer than {MAX_TEST_PATH} characters"
    bad = next((c for c in path if not SAFE_PATH.fullmatch(c)), None)
    if bad is not None:
        return f"holds {bad!r}: only letters, digits and _ . / - are allowed"
    if path.startswith("/"):
        return "an absolute path"
    parts = path.split("/")
    if ".." in parts:
        return "holds .."
    if any(part in ("", ".") or part.startswith(("-", ".")) for part in parts):
        return "holds an empty, '.', dot-file or option-like segment"
    name = parts[-1]
    if name in NEVER_WRITTEN:
        return f"a {name} changes how every test runs"
    extension = {"python": ".py", "java": ".java"}.get(language)
    if extension and not name.endswith(extension):
        return f"not a {extension} file"
    in_test_folder = any(part in ("tests", "test") for part in parts[:-1])
    beside_source = re.fullmatch(r"test_\w+\.py|\w+_test\.py", name) is not None
    if not (in_test_folder or beside_source):
        return "outside the test folders (tests/, test/, src/test/) and not a test_*.py or *_test.py file"
    return None


def command_template(template):
    """The test command template as argument lists, split once with shlex (quotes as a shell reads them); `A && B` runs
    B after A passed. No shell ever reads it, so a file name is never parsed as shell: an unquoted shell operator other
    than && (; | & < > $( ...) is refused."""
    segments, current = [], []
    lexer = shlex.shlex(template, posix=True, punctuation_chars=True)  # ; | & < > ( ) are tokens of their own
    lexer.whitespace_split = True
    for token in lexer:
        if token == CHAIN:
            segments.append(current)
            current = []
        elif token and set(token) <= set(SHELL_PUNCTUATION):
            raise Failure(f"the test command is run without a shell: {token!r} is not understood (only &&): {template}")
        else:
            current.append(token)
    segments.append(current)
    if any(not segment for segment in segments):
        raise Failure(f"an empty command in the test command template: {template!r}")
    return segments


def expand(segment, values):
    """One argument list with the placeholders filled, each value a single element. `values` maps a placeholder name
    (path, class) to the batch's values. A token that is the placeholder alone becomes one element per value (after an
    option such as --select-class, the option is repeated with each); one inside a -D property (-Dtest={class}) is
    joined with commas, Surefire's list; one inside any other token (--select-class={class}) repeats the token."""
    out = []
    for index, token in enumerate(segment):
        names = [name for name in values if "{" + name + "}" in token]
        if not names:
            out.append(token)
            continue
        name = names[0]
        if token == "{" + name + "}":
            option = segment[index - 1] if index > 0 else ""
            if name == "class" and option.startswith("-") and "=" not in option and out and out[-1] == option:
                out.pop()
                for value in values[name]:
                    out += [option, value]
            else:
                out += values[name]
        elif token.startswith("-D"):
            for name in names:
                token = token.replace("{" + name + "}", ",".join(values[name]))
            out.append(token)
        else:
            for i in range(max(len(values[n]) for n in names)):
                filled = token
                for name in names:
                    filled = filled.replace("{" + name + "}", values[name][min(i, len(values[name]) - 1)]
                                            if values[name] else "")
                out.append(filled)
    return out


def clean_text(data):
    """Text safe for the JSON report and the service's database: invalid UTF-8 and NUL bytes replaced."""
    if data is None:
        return ""
    if isinstance(data, bytes):
        data = data.decode("utf-8", "replace")
    # a lone surrogate cannot be sent as UTF-8; PostgreSQL's text holds no NUL
    return data.encode("utf-8", "replace").decode("utf-8").replace("\x00", "\ufffd")


def test_environment():
    """What a suggested test runs with: this environment less every variable naming GREENGATE (the token)."""
    environment = {k: v for k, v in os.environ.items() if "GREENGATE" not in k.upper()}
    environment["PYTHONDONTWRITEBYTECODE"] = "1"  # no __pycache__ left in the checkout by the runs
    return environment


def run_chain(segments, cwd, timeout):
    """(exit code, index of the command that failed or None, output) of argument lists run one after the other until
    one fails; never through a shell. A chain over its time limit counts as failed (-1)."""
    started, outputs = time.monotonic(), []
    for index, argv in enumerate(segments):
        left = max(timeout - (time.monotonic() - started), 0.1)
        try:
            result = subprocess.run(argv, cwd=cwd, capture_output=True, timeout=left, env=test_environment(),
                                    stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired as expired:
            outputs += [clean_text(expired.stdout), clean_text(expired.stderr), f"\n(stopped after {timeout:g} s)"]
            return -1, index, "".join(outputs)
        except OSError as error:
            outputs.append(f"could not run {argv[0]}: {error}\n")
            return 127, index, "".join(outputs)
        outputs += [clean_text(result.stdout), clean_text(result.stderr)]
        if result.returncode != 0:
            return result.returncode, index, "".join(outputs)
    return 0, None, "".join(outputs)


def run_test(command, git_dir, timeout):
    """(exit code, output) of one run of a test command template with its placeholders already filled."""
    code, _, output = run_chain(command_template(command), git_dir, timeout)
    return code, output


def junit_class(test_path):
    """src/test/java/org/acme/CartTest.java -> org.acme.CartTest"""
    inside = test_path.split("src/test/java/", 1)[-1]
    return inside[:-len(".java")].replace("/", ".") if inside.endswith(".java") else inside


def parses_as_python(code, path):
    """Whether the file compiles; compile() only parses, it runs nothing, and writes no bytecode."""
    try:
        compile(code, path, "exec")
        return True
    except (SyntaxError, ValueError):
        return False


def test_functions(code):
    """{qualified name: source} of the pytest test functions of a file: top-level test_* functions and the test_*
    methods of its Test* classes and unittest TestCase classes ({} when it does not parse)."""
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError):
        return {}
    found = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test"):
            found[node.name] = ast.get_source_segment(code, node)
        elif isinstance(node, ast.ClassDef) and (node.name.startswith("Test") or any(
                (getattr(b, "attr", None) or getattr(b, "id", "")).endswith("TestCase") for b in node.bases)):
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.name.startswith("test"):
                    found[f"{node.name}.{item.name}"] = ast.get_source_segment(code, item)
    return found


def new_test_functions(code, previous):
    """The test functions a suggestion adds (or changes) to the file as it was: only they are run."""
    mine = test_functions(code)
    before = test_functions(previous) if previous is not None else {}
    return [name for name, source in mine.items() if before.get(name) != source] or list(mine)


def added_lines(diff):
    """New-side line numbers of the '+' lines of a unified diff of one file."""
    lines, new = set(), 0
    for line in diff.split("\n"):
        match = re.match(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@", line)
        if match:
            new = int(match.group(1))
            continue
        if new == 0 or line.startswith("\\"):
            continue
        if line.startswith("+") and not line.startswith("+++"):
            lines.add(new)
            new += 1
        elif line.startswith(" "):
            new += 1
    return lines


def changed_lines(git_dir, base, head):
    """{path: the line numbers at head that the change BASE..HEAD added} for every added or modified file."""
    changed = {}
    for path in git(git_dir, "diff", "--name-only", "--diff-filter=AMR", base, head).splitlines():
        if path:
            diff = git(git_dir, "diff", "--no-color", "--no-ext-diff", "-U0", base, head, "--", path)
            changed[path] = added_lines(diff)
    return changed


def header_lines(source):
    """Lines that run when a Python module is imported, not when a function is called: def/class headers and
    decorators (no test executes them: coverage.py counts them for the import)."""
    lines = set()
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return lines
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            first = min([node.lineno] + [d.lineno for d in node.decorator_list])
            lines.update(range(first, node.body[0].lineno))
            if isinstance(node, ast.ClassDef):
                lines.add(node.lineno)
    return lines


def coverage_json_lines(report, checkout, path):
    """{line: executed} of one file in a coverage.py JSON report (keys relative to the checkout or absolute), with
    `contexts` {line: [test context, ...]} when the report was written with --show-contexts; None when absent."""
    files = report.get("files", {})
    data = files.get(path) or files.get(os.path.join(checkout, path)) or files.get(
        os.path.join(os.path.realpath(checkout), path))
    if data is None:
        return None, {}
    lines = {n: True for n in data.get("executed_lines", [])}
    lines.update({n: False for n in data.get("missing_lines", [])})
    return lines, {int(n): names for n, names in (data.get("contexts") or {}).items()}


def jacoco_xml_lines(xml_path):
    """{package/Name.java: {line: covered}} for every executable line of a JaCoCo XML report."""
    lines = {}
    root = ET.parse(xml_path).getroot()
    for package in root.iter("package"):
        for sourcefile in package.iter("sourcefile"):
            key = package.get("name") + "/" + sourcefile.get("name")
            lines[key] = {int(line.get("nr")): int(line.get("ci")) > 0 for line in sourcefile.iter("line")}
    return lines


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


class Case:
    """One test file run in a batch: the suggestion, the code written for it (the suggestion's, an observation probe or
    the filled observed case), and the time it was given of the batches it ran in."""

    def __init__(self, suggestion, code=None):
        self.suggestion = suggestion
        self.code = suggestion["code"] if code is None else code
        self.path = suggestion["testPath"]
        self.language = suggestion["language"]
        self.tests = None  # Python: the test functions it adds, found against the head checkout's file
        self.seconds = 0.0

    def node_ids(self):
        return [f"{self.path}::{name.replace('.', '::')}" for name in self.tests] or [self.path]


def rounds(cases):
    """The cases in as few groups as can run together: two cases that write the same file cannot."""
    groups = []
    for case in cases:
        group = next((g for g in groups if all(c.path != case.path for c in g)), None)
        if group is None:
            groups.append([case])
        else:
            group.append(case)
    return groups


def coverage_command(argv, rcfile):
    """(the pytest command run under coverage.py, the interpreter) for `... -m pytest ...`, else (None, None)."""
    for i in range(len(argv) - 1):
        if argv[i] == "-m" and argv[i + 1] == "pytest":
            return argv[:i] + ["-m", "coverage", "run", "--branch", f"--rcfile={rcfile}"] + argv[i:], argv[:i]
    return None, None


def ran_in(context, case):
    """Whether a coverage.py test_function context (module.Class.test) is one of the case's test functions."""
    dotted = case.path[:-len(".py")].replace("/", ".")
    for name in case.tests or []:
        if context == name or context.endswith("." + name):
            module = context[:-len(name)].rstrip(".")
            if not module or dotted == module or dotted.endswith("." + module):
                return True
    return False


def python_statements(source):
    """The lines of a Python file's statements (for a file coverage.py never saw imported)."""
    try:
        return {node.lineno for node in ast.walk(ast.parse(source)) if isinstance(node, ast.stmt)}
    except (SyntaxError, ValueError):
        return set()


class Runner:
    """Runs cases in batches: for each run, one test-runner invocation per checkout for all the cases of a language
    (more only when two cases write the same file). Counts its invocations and the wall time they took."""

    def __init__(self, options):
        self.options = options
        self.templates = {"python": command_template(options.python_command),
                          "java": command_template(options.java_command)}
        self.invocations = 0
        self.seconds = 0.0
        self.coverage_ready = {}

    def run(self, cases, checkout, runs, coverage=None, after_run=None):
        """{case: {"compiled", "outcomes": [passed per run], "log", "covered", "total"}}; each case's file written into
        `checkout` for the runs and the checkout put back as it was. `coverage`: {path: changed lines} to measure
        (first run) which of them each case executes. `after_run(run)` is called after each run."""
        results = {}
        for language in ("python", "java"):
            for group in rounds([c for c in cases if c.language == language]):
                results.update(self.run_group(group, checkout, runs, coverage, after_run))
        return results

    def run_group(self, cases, checkout, runs, coverage, after_run):
        results = {c: {"compiled": True, "outcomes": [], "log": "", "covered": None, "total": None} for c in cases}
        root = os.path.realpath(checkout)
        saved, made, written = [], [], []
        try:
            for case in cases:
                full = os.path.join(checkout, case.path)
                if not os.path.realpath(full).startswith(root + os.sep) or refused_test_path(case.path, case.language):
                    results[case].update(compiled=False, log="refused: the test path leads outside the test folders")
                    continue
                previous = None
                if os.path.isfile(full):
                    with open(full, "rb") as file:
                        previous = file.read()
                directory = os.path.dirname(full)
                while not os.path.isdir(directory):
                    made.append(directory)
                    directory = os.path.dirname(directory)
                os.makedirs(os.path.dirname(full), exist_ok=True)
                saved.append((full, previous))
                with open(full, "w", encoding="utf-8") as file:
                    file.write(case.code)
                if case.tests is None and case.language == "python":
                    case.tests = new_test_functions(case.code, previous.decode("utf-8", "replace")
                                                    if previous is not None else None)
                written.append(case)
            run_language = self.run_python if cases[0].language == "python" else self.run_java
            run_language(written, checkout, runs, coverage, after_run, results)
        finally:
            for full, previous in reversed(saved):
                # a test may have put a link in the file's place: the link goes, nothing is written through it
                if os.path.islink(full) or os.path.isfile(full):
                    os.remove(full)
                if previous is not None and os.path.realpath(full).startswith(root + os.sep):
                    with open(full, "wb") as file:
                        file.write(previous)
                elif previous is not None:
                    log(f"  {full} not put back: its folder now leads outside the checkout")
            for directory in sorted(set(made), key=lambda d: d.count(os.sep), reverse=True):
                try:
                    os.rmdir(directory)
                except OSError:
                    pass
        return results

    def invoke(self, segments, checkout, cases):
        """One test-runner invocation for the cases; its wall time is shared between them."""
        started = time.monotonic()
        code, failed_at, output = run_chain(segments, checkout, self.options.run_timeout)
        spent = time.monotonic() - started
        self.invocations += 1
        self.seconds += spent
        for case in cases:
            case.seconds += spent / len(cases)
        return code, failed_at, output

    def has_coverage(self, interpreter):
        key = tuple(interpreter)
        if key not in self.coverage_ready:
            try:
                check = subprocess.run(interpreter + ["-c", "import coverage, pytest"], capture_output=True,
                                       env=test_environment(), timeout=60)
                self.coverage_ready[key] = check.returncode == 0
            except (OSError, subprocess.TimeoutExpired):
                self.coverage_ready[key] = False
            if not self.coverage_ready[key]:
                log(f"  coverage not measured: {' '.join(interpreter)} has no coverage.py (Debian python3-coverage)")
        return self.coverage_ready[key]

    def run_python(self, cases, checkout, runs, coverage, after_run, results):
        for case in cases:
            if not parses_as_python(case.code, case.path):
                try:
                    compile(case.code, case.path, "exec")
                except (SyntaxError, ValueError) as error:
                    results[case].update(compiled=False, log=f"does not parse: {error}")
        runnable = [c for c in cases if results[c]["compiled"]]
        for run in range(runs):
            if not runnable:
                break
            with tempfile.TemporaryDirectory(prefix="greengate-run-") as scratch:
                xml = os.path.join(scratch, "pytest.xml")
                segments = [expand(s, {"path": [n for c in runnable for n in c.node_ids()]})
                            for s in self.templates["python"]]
                segments[-1] = segments[-1] + [f"--junitxml={xml}", "--continue-on-collection-errors"]
                measured = self.python_coverage(segments, checkout, scratch, coverage) if run == 0 else None
                code, failed_at, output = self.invoke(measured["segments"] if measured else segments, checkout,
                                                      runnable)
                cases_in = pytest_cases(xml)
                for case in runnable:
                    ok, text = case_outcome(case, cases_in)
                    results[case]["outcomes"].append(ok)
                    if not ok or not results[case]["log"]:
                        results[case]["log"] = case_log(ok, " ".join(case.node_ids()), text, output)
                if measured:
                    self.python_covered(measured, checkout, runnable, coverage, results)
            if after_run:
                after_run(run)

    def python_coverage(self, segments, checkout, scratch, coverage):
        """The pytest command run under coverage.py with per-test contexts, or None when not measured."""
        if not coverage or not getattr(self.options, "coverage", True):
            return None
        targets = [p for p in coverage if p.endswith(".py") and os.path.isfile(os.path.join(checkout, p))]
        if not targets:
            return None
        rcfile = os.path.join(scratch, "coveragerc")
        command, interpreter = coverage_command(segments[-1], rcfile)
        if command is None or not self.has_coverage(interpreter):
            return None
        root = os.path.realpath(checkout)
        with open(rcfile, "w", encoding="utf-8") as file:
            file.write("[run]\nbranch = True\ndynamic_context = test_function\n"
                       f"data_file = {os.path.join(scratch, 'coverage-data')}\ninclude =\n"
                       + "".join(f"    {os.path.join(root, p)}\n" for p in targets))
        return {"segments": segments[:-1] + [command], "interpreter": interpreter, "rcfile": rcfile,
                "json": os.path.join(scratch, "coverage.json"), "targets": targets}

    def python_covered(self, measured, checkout, cases, coverage, results):
        started = time.monotonic()
        subprocess.run(measured["interpreter"] + ["-m", "coverage", "json", f"--rcfile={measured['rcfile']}", "-o",
                                                  measured["json"], "--show-contexts", "--ignore-errors"],
                       cwd=checkout, capture_output=True, env=test_environment(), timeout=300)
        self.seconds += time.monotonic() - started
        try:
            with open(measured["json"], encoding="utf-8") as file:
                report = json.load(file)
        except (OSError, ValueError):
            report = {}
        for case in cases:
            target = case.suggestion.get("targetFile")
            if target not in measured["targets"]:
                continue
            with open(os.path.join(checkout, target), encoding="utf-8", errors="replace") as file:
                source = file.read()
            lines, contexts = coverage_json_lines(report, os.path.realpath(checkout), target)
            executable = set(lines) if lines is not None else python_statements(source)
            changed = (coverage[target] & executable) - header_lines(source)
            results[case]["total"] = len(changed)
            results[case]["covered"] = sorted(n for n in changed if any(ran_in(c, case) for c in contexts.get(n, [])))

    def run_java(self, cases, checkout, runs, coverage, after_run, results):
        pending = list(cases)
        for run in range(runs):
            while pending:
                with tempfile.TemporaryDirectory(prefix="greengate-run-") as scratch:
                    segments, reports = java_command(self.templates["java"], pending, scratch)
                    jacoco = self.java_coverage(segments, scratch, coverage) if run == 0 else None
                    code, failed_at, output = self.invoke(segments, checkout, pending)
                    if failed_at is not None and (os.path.basename(segments[failed_at][0]) == "javac"
                                                  or re.search(r"COMPILATION ERROR|Compilation failed", output)):
                        named = set(re.findall(r"([^\s\[\]:]+\.java):(?:\d+:|\[\d+)", output))
                        bad = [c for c in pending if any(n.endswith(c.path) for n in named)] or list(pending)
                        for case in bad:
                            results[case].update(compiled=False, log=output[-MAX_LOG_CHARS:])
                            pending.remove(case)
                        continue
                    found = junit_cases(reports) if reports else {}
                    for case in pending:
                        if found:
                            ok, text = java_outcome(junit_class(case.path), found)
                        else:  # a runner that wrote no known report: the invocation's exit code for each
                            ok, text = code == 0, ""
                        results[case]["outcomes"].append(ok)
                        if not ok or not results[case]["log"]:
                            results[case]["log"] = case_log(ok, junit_class(case.path), text, output)
                    if jacoco:
                        self.java_covered(jacoco, checkout, pending, coverage, results)
                    break
            if after_run:
                after_run(run)

    def java_coverage(self, segments, scratch, coverage):
        """Adds the JaCoCo agent to the command that runs the tests (java -jar console ... or mvn), or None. With JUnit's
        console launcher, a listener on its class path writes each test class's own execution data."""
        agent = getattr(self.options, "jacoco_agent", None)
        if not coverage or not agent or not getattr(self.options, "jacoco_cli", None) \
                or not getattr(self.options, "coverage", True):
            return None
        exec_file = os.path.join(scratch, "jacoco.exec")
        by_class = os.path.join(scratch, "by-class")
        option = f"-javaagent:{os.path.abspath(agent)}=destfile={exec_file}"
        for argv in segments:
            console = next((t for t in argv if "junit-platform-console" in t and t.endswith(".jar")), None)
            if os.path.basename(argv[0]) == "java":
                listener = coverage_listener(console, scratch) if console and "execute" in argv else None
                if listener:
                    os.makedirs(by_class)
                    argv[1:1] = [option, f"-Dgreengate.coverage.dir={by_class}"]
                    argv.append(f"--class-path={listener}")
                else:
                    argv.insert(1, option)
                return {"exec": exec_file, "byClass": by_class if listener else None, "scratch": scratch}
            if os.path.basename(argv[0]) in ("mvn", "mvnw"):
                argv.append(f"-DargLine={option}")
                return {"exec": exec_file, "byClass": None, "scratch": scratch}
        return None

    def jacoco_report(self, exec_file, checkout, roots, xml):
        classes = getattr(self.options, "jacoco_classfiles", None) or "target/classes"
        started = time.monotonic()
        subprocess.run(["java", "-jar", os.path.abspath(self.options.jacoco_cli), "report", exec_file,
                        "--classfiles", os.path.join(checkout, classes), "--xml", xml, "--quiet"]
                       + [a for r in roots for a in ("--sourcefiles", os.path.join(checkout, r))],
                       capture_output=True, env=test_environment(), timeout=300)
        self.seconds += time.monotonic() - started
        try:
            return jacoco_xml_lines(xml)
        except (OSError, ET.ParseError):
            return None

    def java_covered(self, jacoco, checkout, cases, coverage, results):
        """Which changed lines each case executed: from its own test class's execution data when the listener wrote
        it (JUnit's console launcher); else from the JVM's one report, exact for one case (with several, under Maven,
        each is credited with the lines the batch executed)."""
        targets = [p for p in coverage if p.endswith(".java") and "src/main/java/" in p]
        if not targets:
            return
        roots = sorted({p.split("src/main/java/", 1)[0] + "src/main/java" for p in targets})
        whole = None
        for case in cases:
            target = case.suggestion.get("targetFile")
            if target not in targets:
                continue
            own = os.path.join(jacoco["byClass"], junit_class(case.path) + ".exec") if jacoco["byClass"] else None
            if own:
                if not os.path.isfile(own):  # the class did not run
                    continue
                lines = self.jacoco_report(own, checkout, roots, own[:-len(".exec")] + ".xml")
            else:
                if whole is None and os.path.isfile(jacoco["exec"]):
                    whole = self.jacoco_report(jacoco["exec"], checkout, roots,
                                               os.path.join(jacoco["scratch"], "jacoco.xml"))
                lines = whole
            if lines is None:
                continue
            found = lines.get(target.split("src/main/java/", 1)[1], {})
            changed = coverage[target] & set(found)
            results[case]["total"] = len(changed)
            results[case]["covered"] = sorted(n for n in changed if found[n])


# a JUnit Platform listener, on the console launcher's class path while JaCoCo measures: it writes the agent's execution
# data at the end of each top-level test class (and resets it), so that one JVM gives each test class its own coverage
COVERAGE_LISTENER = """package greengate.coverage;

import java.nio.file.Files;
import java.nio.file.Paths;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

public class ByTestClass implements TestExecutionListener {
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    private boolean topLevelClass(TestIdentifier id) {
        if (!(id.getSource().orElse(null) instanceof ClassSource)) {
            return false;
        }
        return id.getParentIdObject().flatMap(p -> plan.getTestIdentifier(p).getSource())
                .map(s -> !(s instanceof ClassSource)).orElse(true);
    }

    private static byte[] data() throws Exception {
        Object agent = Class.forName("org.jacoco.agent.rt.RT").getMethod("getAgent").invoke(null);
        return (byte[]) Class.forName("org.jacoco.agent.rt.IAgent").getMethod("getExecutionData", boolean.class)
                .invoke(agent, true);
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        try {
            if (topLevelClass(id)) {
                data();
            }
        } catch (Exception e) {
            System.err.println("greengate coverage: " + e);
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        try {
            if (topLevelClass(id)) {
                String name = ((ClassSource) id.getSource().get()).getClassName();
                Files.write(Paths.get(System.getProperty("greengate.coverage.dir"), name + ".exec"), data());
            }
        } catch (Exception e) {
            System.err.println("greengate coverage: " + e);
        }
    }
}
"""


def coverage_listener(console_jar, scratch):
    """The listener compiled against the console launcher into scratch/listener (with its service file), or None."""
    out = os.path.join(scratch, "listener")
    source = os.path.join(scratch, "ByTestClass.java")
    with open(source, "w", encoding="utf-8") as file:
        file.write(COVERAGE_LISTENER)
    compiled = subprocess.run(["javac", "-nowarn", "-proc:none", "-d", out, "-cp", console_jar, source],
                              capture_output=True, text=True)
    if compiled.returncode != 0:
        log(f"  per-class Java coverage not measured: the listener did not compile: {compiled.stderr.strip()[:500]}")
        return None
    services = os.path.join(out, "META-INF", "services")
    os.makedirs(services)
    with open(os.path.join(services, "org.junit.platform.launcher.TestExecutionListener"), "w") as file:
        file.write("greengate.coverage.ByTestClass\n")
    return out


def java_command(templates, cases, scratch):
    """The Java test command for the cases, with its XML reports directed into `scratch`: (argument lists, reports
    directory or None when the runner is neither JUnit's console launcher nor Maven)."""
    segments = [expand(s, {"path": [c.path for c in cases], "class": [junit_class(c.path) for c in cases]})
                for s in templates]
    reports = os.path.join(scratch, "reports")
    known = False
    for argv in segments:
        if any("junit-platform-console" in token for token in argv) and "execute" in argv:
            argv.append(f"--reports-dir={reports}")
            known = True
        elif os.path.basename(argv[0]) in ("mvn", "mvnw"):
            argv.append(f"-Dsurefire.reportsDirectory={reports}")
            known = True
    return segments, reports if known else None


def case_log(ok, name, text, output):
    """A case's log from a batched run: its own failure (from the XML report) and the run's output, which the other
    cases share; for a case that passed, its name and the run's last line."""
    if ok:
        lines = [line for line in output.strip().splitlines() if line.strip()]
        return f"passed: {name}\n" + (lines[-1] if lines else "")
    return ((text + "\n\n" if text else "") + "the run's output:\n" + output)[-MAX_LOG_CHARS:]


def failure_text(case_element):
    bad = [c for c in case_element if c.tag in ("failure", "error", "skipped")]
    return "\n".join(f"{c.tag}: {c.get('message') or ''}\n{c.text or ''}".strip() for c in bad)


def pytest_cases(xml):
    """{(classname, name without parameters): [(passed, text), ...]} from pytest's --junitxml report."""
    found = {}
    try:
        root = ET.parse(xml).getroot()
    except (OSError, ET.ParseError):
        return found
    for element in root.iter("testcase"):
        key = (element.get("classname") or "", (element.get("name") or "").split("[", 1)[0])
        text = failure_text(element)
        found.setdefault(key, []).append((not text, text))
    return found


def same_module(expected, reported):
    """Whether pytest's dotted classname names the expected one: equal, or its tail when pytest's rootdir is a
    subfolder of the checkout (a pytest.ini there)."""
    return bool(reported) and (expected == reported or expected.endswith("." + reported))


def case_outcome(case, found):
    """(passed, text) of a Python case: every test function it adds ran and passed (a skip does not pass); a file in
    which no test function was found passes when every test pytest ran of it passed."""
    dotted = case.path[:-len(".py")].replace("/", ".")
    texts, ok = [], True
    for name in case.tests or [None]:
        owner, _, function = (name or "").rpartition(".")
        expected = dotted + ("." + owner if owner else "")
        entries = [e for (classname, test), es in found.items()
                   if (name is None and (same_module(dotted, classname) or classname.startswith(dotted + ".")))
                   or (name is not None and test == function and same_module(expected, classname)) for e in es]
        if not entries:
            collection = [es for (classname, test), es in found.items() if not classname and same_module(dotted, test)]
            ok = False
            texts.append(collection[0][0][1] if collection else f"{case.path}::{name or ''} did not run")
            continue
        for passed, text in entries:
            ok = ok and passed
            if text:
                texts.append(text)
    return ok, "\n".join(texts)


def junit_cases(reports):
    """{classname: [(passed, text), ...]} from the JUnit XML reports (console launcher or Surefire) in a folder."""
    found = {}
    for name in sorted(os.listdir(reports)) if os.path.isdir(reports) else []:
        if not (name.startswith("TEST-") and name.endswith(".xml")):
            continue
        try:
            root = ET.parse(os.path.join(reports, name)).getroot()
        except ET.ParseError:
            continue
        for element in root.iter("testcase"):
            text = failure_text(element)
            found.setdefault(element.get("classname") or "", []).append((not text, text))
    return found


def java_outcome(class_name, found):
    entries = [e for name, es in found.items() if name == class_name or name.startswith(class_name + "$")
               for e in es]
    if not entries:
        return False, f"{class_name} did not run"
    return all(passed for passed, _ in entries), "\n".join(text for _, text in entries if text)


def report_of(result):
    """The verification fields of one case's runs: compiled, passed (every run), runs, flaky, log."""
    outcomes = result["outcomes"]
    passes = sum(outcomes)
    return {"compiled": result["compiled"], "passed": result["compiled"] and bool(outcomes) and passes == len(outcomes),
            "runs": max(len(outcomes), 1), "flaky": 0 < passes < len(outcomes),
            "log": clean_text(result["log"])[-MAX_LOG_CHARS:]}


def verify_one(suggestion, options, runs=None):
    """Writes the suggested file where it says, runs it (`runs` or --runs times) in the checkout, puts it back."""
    case = Case(suggestion)
    return report_of(Runner(options).run([case], options.git_dir, runs or options.runs)[case])


def verify_observed(suggestion, options):
    """Observes an observed-outcome case, writes the outcome in and verifies the filled case (in the checkout only)."""
    return verify_suggestions([suggestion], options)[suggestion["id"]]


def read_outcome(target):
    """What an observation probe wrote (the text as it is, \\r\\n kept), or None; the file is removed."""
    if not os.path.isfile(target):
        return None
    with open(target, "rb") as file:
        outcome = file.read().decode("utf-8", "replace")
    os.remove(target)
    return outcome


def differential(report, head, base, outcomes=None):
    """Adds the verdict, the base side and the head outcome to a case's report (REVEALS_CHANGE: passes on head and
    not on base; HOLDS: passes on both; FAILS_ON_HEAD: does not pass on head; None: the base was not run)."""
    base_passed = base is not None and report_of(base)["passed"]
    report["verdict"] = "FAILS_ON_HEAD" if not report["passed"] else None if base is None else \
        "HOLDS" if base_passed else "REVEALS_CHANGE"
    report["base"] = None if base is None else {
        "compiled": base["compiled"], "passed": base_passed,
        "outcome": clean_text(outcomes[1]) if outcomes and outcomes[1] is not None else None}
    report["headOutcome"] = clean_text(outcomes[0]) if outcomes and outcomes[0] is not None else None
    report["changedLinesCovered"] = head.get("covered")
    report["changedLinesTotal"] = head.get("total")
    if report["verdict"] == "REVEALS_CHANGE":
        report["log"] = (report["log"] + "\n--- on the base commit it does not pass:\n"
                         + clean_text(base["log"])[-2000:])[-MAX_LOG_CHARS:]
    return report


def verify_suggestions(suggestions, options, base_dir=None, changed=None, runner=None):
    """{suggestion id: report}: every case run `--runs` times in the checkout (head) and once in `base_dir` (the base
    commit's worktree), all cases of a language in one test-runner invocation per run and per side. An observed-outcome
    case is first run as its observation probe (OBSERVATIONS times on head, once on base); when its outcome may be
    written in, the filled case is verified with the others. `changed` ({path: added lines}): coverage is measured."""
    runner = runner or Runner(options)
    head_dir = options.git_dir
    reports, cases, observed = {}, [], {}
    awaiting = [s for s in suggestions if s.get("awaitingObservation")]
    cases = [Case(s) for s in suggestions if not s.get("awaitingObservation")]
    if awaiting:
        with tempfile.TemporaryDirectory(prefix="greengate-observe-") as scratch:
            probes = [Case(s, observation_probe(s["code"], os.path.join(scratch, f"head-{i}")))
                      for i, s in enumerate(awaiting)]
            seen = [[] for _ in awaiting]

            def collect(run):
                for i in range(len(awaiting)):
                    seen[i].append(read_outcome(os.path.join(scratch, f"head-{i}")))
            head = runner.run(probes, head_dir, OBSERVATIONS, after_run=collect)
            base, base_seen = {}, [None] * len(awaiting)
            if base_dir:
                base_probes = [Case(s, observation_probe(s["code"], os.path.join(scratch, f"base-{i}")))
                               for i, s in enumerate(awaiting)]
                for probe, base_probe in zip(probes, base_probes):
                    base_probe.tests = probe.tests
                base = runner.run(base_probes, base_dir, 1)
                for i, base_probe in enumerate(base_probes):
                    base_seen[i] = read_outcome(os.path.join(scratch, f"base-{i}"))
                    probes[i].seconds += base_probe.seconds
                base = {probe: base[base_probe] for probe, base_probe in zip(probes, base_probes)}
        for i, suggestion in enumerate(awaiting):
            probe, result = probes[i], head[probes[i]]
            if len(seen[i]) < OBSERVATIONS or None in seen[i]:
                report = report_of(result)
                report.update(passed=False, flaky=False, log="no outcome observed:\n" + report["log"])
            else:
                why = why_not_written_in(seen[i], head_dir)
                if not why:
                    case = Case(suggestion, observed_code(suggestion["code"], seen[i][0]))
                    case.seconds = probe.seconds
                    observed[case] = (seen[i][0], base_seen[i])
                    cases.append(case)
                    continue
                report = {"compiled": True, "passed": False, "runs": OBSERVATIONS, "flaky": len(set(seen[i])) > 1,
                          "log": (why + ":\n" + "\n".join(dict.fromkeys(seen[i])))[-MAX_LOG_CHARS:]}
            probe_base = dict(base[probe], outcomes=[False]) if probe in base else None
            report = differential(report, result, probe_base, (None, base_seen[i]))
            report["verifySeconds"] = round(probe.seconds, 3)
            reports[suggestion["id"]] = report
    head = runner.run(cases, head_dir, options.runs, coverage=changed or None)
    base = {}
    if base_dir and cases:
        base_cases = []
        for case in cases:
            base_case = Case(case.suggestion, case.code)
            base_case.tests = case.tests
            base_cases.append(base_case)
        results = runner.run(base_cases, base_dir, 1)
        for case, base_case in zip(cases, base_cases):
            base[case] = results[base_case]
            case.seconds += base_case.seconds
    drop = getattr(options, "drop_uncovering", None)
    for case in cases:
        report = report_of(head[case])
        if case in observed and report["passed"]:
            report["observedCode"] = case.code
        report = differential(report, head[case], base.get(case), observed.get(case))
        if drop is not False and report["changedLinesTotal"] and not report["changedLinesCovered"]:
            why = (f"executes none of the {report['changedLinesTotal']} changed line(s) of "
                   f"{case.suggestion.get('targetFile')} (--drop-uncovering)")
            log(f"  {why}: {case.path}")
            report["log"] = (why + "\n" + report["log"])[-MAX_LOG_CHARS:]
        report["verifySeconds"] = round(case.seconds, 3)
        reports[case.suggestion["id"]] = report
    return reports


OBSERVED_KIND = "observed-outcome"  # the service's ObservedOutcomes.KIND
WITHHELD_SHOWN = "withheld: another observed case of {symbol} shows the change (REVEALS_CHANGE)"
WITHHELD_PINNED = "withheld: one pin per method is enough, {symbol} is pinned by {other}"


def one_pin_per_method(suggestions, reports):
    """"Show the alteration, at most one pin": {suggestion id: why withheld} for the observed-outcome cases (in the
    order the service listed them) that passed and would be sent with observedCode. Grouped by (targetFile,
    targetSymbol): when one of a group is REVEALS_CHANGE, every HOLDS one of the group is withheld; otherwise the
    first HOLDS one is sent and the other HOLDS ones are withheld. A withheld case's report becomes a not passed run
    without verdict, base or observedCode (the service answers 400 to a passing one without observedCode, and a
    filled one would reach reviewers); its log says why, what it did on head and base, and that --all-pins sends it.
    Cases without a verdict (no base), FAILS_ON_HEAD and refused ones are left as they are."""
    groups = {}
    for suggestion in suggestions:
        report = reports.get(suggestion["id"])
        if (suggestion.get("caseKind") == OBSERVED_KIND or suggestion.get("awaitingObservation")) \
                and report and "observedCode" in report and report["verdict"] in ("REVEALS_CHANGE", "HOLDS"):
            groups.setdefault((suggestion.get("targetFile"), suggestion.get("targetSymbol")), []).append(suggestion)
    withheld = {}
    for (_, symbol), group in groups.items():
        holds = [s for s in group if reports[s["id"]]["verdict"] == "HOLDS"]
        if len(holds) < len(group):
            why = {s["id"]: WITHHELD_SHOWN.format(symbol=symbol) for s in holds}
        else:
            why = {s["id"]: WITHHELD_PINNED.format(symbol=symbol, other=holds[0]["testPath"]) for s in holds[1:]}
        for id_, reason in why.items():
            report = reports[id_]
            base_outcome = (report["base"] or {}).get("outcome")
            report["log"] = (f"{reason}; not sent to reviewers (--all-pins sends it). It passed on head and on base"
                             f" (HOLDS): on head {report['headOutcome']!r}, on base {base_outcome!r}\n"
                             + report["log"])[-MAX_LOG_CHARS:]
            report.pop("observedCode")
            report.update(passed=False, verdict=None, base=None)
            withheld[id_] = reason
    return withheld


@contextlib.contextmanager
def base_checkout(git_dir, base):
    """A detached worktree of the base commit in a temporary folder (None when there is no base), removed after."""
    if base is None:
        yield None
        return
    scratch = tempfile.mkdtemp(prefix="greengate-base-")
    path = os.path.join(scratch, "checkout")
    try:
        added = subprocess.run(["git", "-C", git_dir, "worktree", "add", "--detach", "--quiet", path, base],
                               capture_output=True, text=True)
        if added.returncode != 0:
            log(f"  the base {base[:12]} could not be checked out ({added.stderr.strip()}): run on head only")
            yield None
        else:
            yield path
    finally:
        git(git_dir, "worktree", "remove", "--force", path, check=False)
        shutil.rmtree(scratch, ignore_errors=True)
        git(git_dir, "worktree", "prune", check=False)


def verify(service, options):
    """Each suggestion of the commit run `--runs` times in this checkout (at that commit) and once on the base commit
    (a temporary worktree), reported to Greengate with its verdict: reviewers see it, and the ranker and the
    auto-accept policy use it."""
    commit = git(options.git_dir, "rev-parse", options.commit).strip()
    if git(options.git_dir, "rev-parse", "HEAD").strip() != commit:
        raise Failure(f"check out {commit[:12]} first: the suggested tests are run in this checkout")
    runner = Runner(options)
    base = git(options.git_dir, "rev-parse", "--verify", "--quiet", f"{options.base}^{{commit}}", check=False).strip() \
        or None
    if base is None:
        log(f"  no base commit {options.base}: the suggested tests are run on head only (no verdict)")
    started = time.monotonic()
    todo, refused = [], 0
    for suggestion in service.suggestions(options.repository, commit):
        if suggestion.get("verification") and not options.again:
            continue
        if suggestion.get("riskFlags") and not options.run_risky:
            log(f"  not run (risk: {', '.join(suggestion['riskFlags'])}): {suggestion['testPath']}")
            continue
        why = refused_test_path(suggestion.get("testPath"), suggestion.get("language")) \
            if suggestion.get("language") in ("python", "java") else f"language {suggestion.get('language')!r}"
        if why:
            refused += 1
            log(f"  refused, not written nor run: test path {ascii(suggestion.get('testPath'))}: {why}")
            service.report(suggestion["id"], {"compiled": False, "passed": False, "runs": 1, "flaky": False,
                                              "log": clean_text(f"refused by the CI client: test path {why}"),
                                              "verdict": None, "base": None, "headOutcome": None,
                                              "changedLinesCovered": None, "changedLinesTotal": None,
                                              "verifySeconds": 0.0})
            continue
        todo.append(suggestion)
    changed = changed_lines(options.git_dir, base, commit) if base and todo else {}
    with base_checkout(options.git_dir, base if todo else None) as base_dir:
        reports = verify_suggestions(todo, options, base_dir, changed, runner)
    verdicts = {}
    for suggestion in todo:
        verdict = reports[suggestion["id"]]["verdict"]
        verdicts[verdict] = verdicts.get(verdict, 0) + 1
    withheld = {} if getattr(options, "all_pins", False) else one_pin_per_method(todo, reports)
    for suggestion in todo:
        report = reports[suggestion["id"]]
        service.report(suggestion["id"], report)
        if suggestion["id"] in withheld:
            log(f"  {withheld[suggestion['id']]}: {suggestion['testPath']}  {suggestion['targetSymbol']}")
            continue
        outcome = "passed" if report["passed"] else "flaky" if report["flaky"] else \
            "failed" if report["compiled"] else "does not compile"
        covered = "" if report["changedLinesTotal"] is None else \
            f", {len(report['changedLinesCovered'])}/{report['changedLinesTotal']} changed line(s)"
        log(f"  {outcome} ({report['runs']} run(s)) {report['verdict'] or 'no verdict'}{covered}: "
            f"{suggestion['testPath']}  {suggestion['targetSymbol']}")
    seconds = time.monotonic() - started
    log(f"verify: {len(todo)} case(s) in {runner.invocations} test-runner invocation(s) on head and base, "
        f"{seconds:.1f} s of CI time added" + (f", {refused} refused" if refused else "")
        + (f", {len(withheld)} observed case(s) withheld (one pin per method)" if withheld else ""))
    options.verify_summary = {"commit": commit, "base": base, "verified": len(todo), "refused": refused,
                              "withheld": len(withheld),
                              "invocations": runner.invocations, "verifySeconds": round(seconds, 3),
                              "verdicts": {k or "none": v for k, v in verdicts.items()}}
    print(json.dumps(options.verify_summary), flush=True)
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
    """suggest, (verify,) wait, apply; verify runs each case on head and on the base suggest used (--base)."""
    options.commit = options.head
    options.verify_summary = None
    for step in (suggest, verify, wait, apply) if options.verify or options.observe else (suggest, wait, apply):
        code = step(service, options)
        if code != 0:
            return code
    if options.verify_summary:
        summary = options.verify_summary
        log(f"run summary: {summary['verified']} case(s) verified on head and base "
            f"({', '.join(f'{v} {k}' for k, v in sorted(summary['verdicts'].items())) or 'none'}), "
            f"verify added {summary['verifySeconds']:.1f} s of CI time in {summary['invocations']} test-runner "
            "invocation(s)")
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
        if name == "verify":
            command.add_argument("--base", default="HEAD~1",
                                 help="the change's base commit: each test is also run there (default HEAD~1)")
        if name in ("verify", "run"):
            command.add_argument("--runs", type=int, default=3, help="runs per test (default 3): flaky or not")
            command.add_argument("--jacoco-agent", help="JaCoCo's agent jar (org.jacoco.agent runtime): measure which"
                                                        " changed Java lines each case executes")
            command.add_argument("--jacoco-cli", help="JaCoCo's command-line jar (org.jacoco.cli nodeps)")
            command.add_argument("--jacoco-classfiles", default="target/classes",
                                 help="the compiled main classes, in the checkout (default target/classes)")
            command.add_argument("--no-coverage", dest="coverage", action="store_false",
                                 help="do not measure the changed lines' coverage (coverage.py, JaCoCo)")
            command.add_argument("--drop-uncovering", action=argparse.BooleanOptionalAction, default=None,
                                 help="log (and say in the report's log) that a case executes none of the changed"
                                      " lines (default: on when coverage was measured)")
            command.add_argument("--run-timeout", type=float, default=600, help="seconds per test-runner invocation, all the cases of a run (default 600)")
            command.add_argument("--python-command", default=DEFAULT_COMMANDS["python"])
            command.add_argument("--java-command", default=DEFAULT_COMMANDS["java"])
            command.add_argument("--run-risky", action="store_true", help="also run suggestions with risk flags")
            command.add_argument("--again", action="store_true", help="also run suggestions already verified")
            command.add_argument("--all-pins", action="store_true",
                                 help="send every passing observed-outcome case, not only those that show the change"
                                      " (or one per method when none does)")
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
