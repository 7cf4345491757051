"""The CI client's own parts, on real git repositories and a real pytest (no Greengate service needed: the end-to-end
test in e2e/ drives the whole client against the packaged services)."""
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
import urllib.parse
from pathlib import Path
from types import SimpleNamespace

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import greengate_ci  # noqa: E402


def git(repo, *args):
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


def commit(repo, files, message):
    for path, content in files.items():
        (repo / path).parent.mkdir(parents=True, exist_ok=True)
        (repo / path).write_text(content)
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=Dev", "-c", "user.email=dev@example.invalid", "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD").strip()


@pytest.fixture
def repo(tmp_path):
    git(tmp_path, "init", "-q")
    return tmp_path


def options(repo, runs=3):
    return SimpleNamespace(git_dir=str(repo), runs=runs, run_timeout=60,
                           python_command=f"{sys.executable} -m pytest -q -p no:cacheprovider {{path}}",
                           java_command=greengate_ci.DEFAULT_COMMANDS["java"])


def suggestion(path, code):
    return {"id": "s1", "testPath": path, "code": code, "language": "python", "targetSymbol": "f"}


def test_a_passing_test_is_reported_passed_and_the_checkout_is_put_back(repo):
    commit(repo, {"tests/test_existing.py": "def test_old():\n    assert True\n"}, "start")
    report = greengate_ci.verify_one(suggestion("tests/test_existing.py",
                                                "def test_old():\n    assert True\n\n\ndef test_new():\n    assert 1 + 1 == 2\n"),
                                     options(repo, runs=2))
    assert report["compiled"] and report["passed"] and not report["flaky"] and report["runs"] == 2
    # the existing file has its own content again, and nothing else is left behind
    assert (repo / "tests/test_existing.py").read_text() == "def test_old():\n    assert True\n"
    assert git(repo, "status", "--porcelain") == ""


def test_a_failing_test_is_reported_failed_with_its_log(repo):
    commit(repo, {"README": "x\n"}, "start")
    report = greengate_ci.verify_one(suggestion("tests/test_new.py", "def test_new():\n    assert 2 + 2 == 5\n"),
                                     options(repo))
    assert report["compiled"] and not report["passed"] and not report["flaky"] and report["runs"] == 3
    assert "1 failed" in report["log"] and "test_new" in report["log"]
    assert not (repo / "tests/test_new.py").exists()


def test_a_test_that_passes_only_sometimes_is_flaky(repo):
    commit(repo, {"README": "x\n"}, "start")
    counter = repo.parent / f"{repo.name}-runs"
    code = (f"from pathlib import Path\n\n\ndef test_alternates():\n    counter = Path({str(counter)!r})\n"
            "    runs = int(counter.read_text()) if counter.exists() else 0\n"
            "    counter.write_text(str(runs + 1))\n    assert runs % 2 == 0\n")
    report = greengate_ci.verify_one(suggestion("tests/test_flaky.py", code), options(repo, runs=3))
    assert report["compiled"] and not report["passed"] and report["flaky"]


def test_a_file_that_does_not_parse_does_not_compile_and_is_run_once(repo):
    commit(repo, {"README": "x\n"}, "start")
    report = greengate_ci.verify_one(suggestion("tests/test_broken.py", "def test_broken(:\n    pass\n"),
                                     options(repo))
    assert not report["compiled"] and not report["passed"] and report["runs"] == 1


def test_the_context_holds_the_changed_files_their_superclasses_constructor_types_and_existing_tests(repo):
    base = commit(repo, {
        "src/main/java/org/acme/codec/BaseCodec.java":
            "package org.acme.codec;\n\npublic abstract class BaseCodec extends org.acme.Root {\n}\n",
        "src/main/java/org/acme/Root.java": "package org.acme;\n\npublic abstract class Root {\n}\n",
        "src/main/java/org/acme/b58/Alphabet.java": "package org.acme.b58;\n\npublic enum Alphabet { BITCOIN }\n",
        "src/main/java/org/acme/b58/Unrelated.java": "package org.acme.b58;\n\nclass Unrelated {\n}\n",
        "src/test/java/org/acme/b58/Base58Test.java": "package org.acme.b58;\n\nclass Base58Test {\n}\n",
        "src/shop/cart.py": "def total():\n    return 0\n",
        "tests/test_cart.py": "def test_total():\n    pass\n",
    }, "start")
    head = commit(repo, {
        "src/main/java/org/acme/b58/Base58.java":
            "package org.acme.b58;\n\nimport org.acme.codec.BaseCodec;\n\npublic final class Base58 extends BaseCodec {\n"
            "    public Base58(final Alphabet alphabet, java.util.List<String> names) {\n    }\n}\n",
        "src/shop/cart.py": "def total(items):\n    return sum(items)\n",
    }, "change")
    unobserved = {f["path"] for f in greengate_ci.context_files(str(repo), base, head)}
    # the constructor's types are sent only for observed-outcome cases, which need instances
    assert "src/main/java/org/acme/b58/Alphabet.java" not in unobserved
    files = {f["path"]: f["content"] for f in greengate_ci.context_files(str(repo), base, head, observe=True)}
    assert unobserved == set(files) - {"src/main/java/org/acme/b58/Alphabet.java"}
    assert set(files) == {"src/main/java/org/acme/b58/Base58.java", "src/shop/cart.py",
                          "src/main/java/org/acme/codec/BaseCodec.java", "src/main/java/org/acme/Root.java",
                          "src/main/java/org/acme/b58/Alphabet.java",
                          "src/test/java/org/acme/b58/Base58Test.java", "tests/test_cart.py"}
    assert files["src/shop/cart.py"].startswith("def total(items)")


@pytest.mark.parametrize("remote, name", [
    ("git@github.com:acme/shop.git", "github.com/acme/shop"),
    ("https://github.com/acme/shop.git", "github.com/acme/shop"),
    ("ssh://git@gitlab.example.com/group/sub/shop", "gitlab.example.com/group/sub/shop"),
])
def test_the_repository_is_named_after_the_origin_remote(repo, remote, name):
    git(repo, "remote", "add", "origin", remote)
    assert greengate_ci.repository_name(str(repo)) == name


def test_without_a_token_the_client_stops_with_a_usage_error(monkeypatch, capsys):
    monkeypatch.delenv("GREENGATE_TOKEN", raising=False)
    with pytest.raises(SystemExit) as exit_:
        greengate_ci.main(["wait"])
    assert exit_.value.code == 2
    assert "ci token is required" in capsys.readouterr().err


def test_a_build_keeps_its_exit_code_when_greengate_cannot_be_reached(repo, capsys):
    commit(repo, {"README": "x\n"}, "start")
    code = greengate_ci.main(["build", "--git-dir", str(repo), "--token", "t", "--repository", "acme/shop",
                              "--carbon-url", "http://127.0.0.1:9", "--", sys.executable, "-c", "raise SystemExit(3)"])
    assert code == 3
    assert "usage was not reported" in capsys.readouterr().err


def test_a_build_without_a_command_is_an_error(repo, capsys):
    commit(repo, {"README": "x\n"}, "start")
    assert greengate_ci.main(["build", "--git-dir", str(repo), "--token", "t", "--repository", "acme/shop"]) == 1
    assert "no build command" in capsys.readouterr().err


# observed-outcome cases: a JUnit case in the shape the service writes (ObservedOutcomes), run with JUnit's console
# launcher; GREENGATE_JUNIT_CONSOLE is its jar (e2e's CiClientPytestIT sets it from its test class path)
JUNIT_CONSOLE = os.environ.get("GREENGATE_JUNIT_CONSOLE")
needs_junit = pytest.mark.skipif(not JUNIT_CONSOLE, reason="GREENGATE_JUNIT_CONSOLE (JUnit's console launcher) not set")

GREETER = """package org.acme;

public class Greeter {
    public static String greet(String name) {
        return "Hi \\"" + name + "\\"\\r\\n\\u00e9\\t\\\\ " + name.length();
    }

    public static String port(String text) {
        return String.valueOf(Integer.parseInt(text));
    }

    public static long now() {
        return System.nanoTime();
    }
}
"""


def observed_case(method, argument):
    name = method[0].upper() + method[1:]
    return f"""package org.acme;

import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class Greeter{name}ObservedTest {{

    @Test
    void {method}KeepsItsObservedOutcome() throws Exception {{
        String outcome = outcome(() -> Greeter.{method}({argument}));
        {greengate_ci.OBSERVE_ASSERTION}
    }}

    private static String outcome(Callable<?> call) {{
        try {{
            return "returned " + call.call();
        }} catch (Exception e) {{
            return "threw " + e.getClass().getName();
        }}
    }}
}}
"""


def java_options(repo, runs=2):
    command = (f"javac -nowarn -d target/classes -cp {JUNIT_CONSOLE} src/main/java/org/acme/Greeter.java {{path}}"
               f" && java -jar {JUNIT_CONSOLE} execute --disable-banner --fail-if-no-tests"
               f" --class-path target/classes --select-class {{class}}")
    return SimpleNamespace(git_dir=str(repo), runs=runs, run_timeout=120, java_command=command,
                           python_command=greengate_ci.DEFAULT_COMMANDS["python"])


def java_suggestion(method, argument):
    name = method[0].upper() + method[1:]
    return {"id": "s1", "testPath": f"src/test/java/org/acme/Greeter{name}ObservedTest.java",
            "code": observed_case(method, argument), "language": "java", "targetSymbol": f"Greeter.{method}",
            "awaitingObservation": True}


@needs_junit
def test_an_observed_outcome_is_written_in_as_a_java_literal_and_the_filled_case_passes(repo):
    commit(repo, {"src/main/java/org/acme/Greeter.java": GREETER, ".gitignore": "target/\n"}, "start")
    report = greengate_ci.verify_observed(java_suggestion("greet", '"Ann"'), java_options(repo))
    assert report["compiled"] and report["passed"] and not report["flaky"], report["log"]
    expected = 'returned Hi "Ann"\r\n\u00e9\t\\ 3'
    assert f"assertEquals({greengate_ci.java_string(expected)}, outcome);" in report["observedCode"]
    assert greengate_ci.java_string(expected) == '"returned Hi \\"Ann\\"\\r\\n\\u00e9\\t\\\\ 3"'
    assert greengate_ci.OBSERVE_ASSERTION not in report["observedCode"]
    # the filled case is a real oracle: once greet answers otherwise, it fails
    (repo / "src/main/java/org/acme/Greeter.java").write_text(GREETER.replace("Hi ", "Hello "))
    again = greengate_ci.verify_one(dict(java_suggestion("greet", '"Ann"'), code=report["observedCode"]),
                                    java_options(repo, runs=1))
    assert again["compiled"] and not again["passed"], again["log"]
    # the runs left only the change made here behind
    assert git(repo, "status", "--porcelain") == " M src/main/java/org/acme/Greeter.java\n"


@needs_junit
def test_an_exception_is_an_outcome_too(repo):
    commit(repo, {"src/main/java/org/acme/Greeter.java": GREETER, ".gitignore": "target/\n"}, "start")
    report = greengate_ci.verify_observed(java_suggestion("port", '"Hello, World 42"'), java_options(repo))
    assert report["passed"], report["log"]
    assert 'assertEquals("threw java.lang.NumberFormatException", outcome);' in report["observedCode"]


@needs_junit
def test_an_outcome_that_changes_from_run_to_run_is_not_written_in(repo):
    commit(repo, {"src/main/java/org/acme/Greeter.java": GREETER, ".gitignore": "target/\n"}, "start")
    report = greengate_ci.verify_observed(java_suggestion("now", ""), java_options(repo))
    assert not report["passed"] and report["flaky"] and "observedCode" not in report
    assert "the outcome differed between runs" in report["log"]
    assert git(repo, "status", "--porcelain") == ""


def test_an_outcome_that_shows_this_runner_is_not_written_in(repo, monkeypatch):
    assert greengate_ci.environment_in(f"returned [file:{repo}/target/classes/]", str(repo)) == str(repo)
    assert greengate_ci.environment_in("returned " + os.path.join(tempfile.gettempdir(), "x1"), str(repo))
    monkeypatch.setattr(greengate_ci.socket, "gethostname", lambda: "runner-7f3a")
    assert greengate_ci.environment_in("returned \"runner-7f3a\"", str(repo)) == "runner-7f3a"
    assert greengate_ci.environment_in("returned \"Hello, World 42\"; out: [1, 2]", str(repo)) is None


@needs_junit
def test_a_java_outcome_holding_the_checkout_path_is_withheld(repo):
    commit(repo, {"src/main/java/org/acme/Greeter.java": GREETER.replace(
        "    public static long now() {", "    public static String here() {\n"
        "        return new java.io.File(\"target\").getAbsolutePath();\n    }\n\n    public static long now() {"),
        ".gitignore": "target/\n"}, "start")
    report = greengate_ci.verify_observed(java_suggestion("here", ""), java_options(repo))
    assert not report["passed"] and "observedCode" not in report
    assert "the outcome shows this runner" in report["log"] and str(repo) in report["log"]


OBSERVED_PY = """def test_cart_total_keeps_its_observed_outcome():
    import importlib.util
    import pathlib
    import re

    spec = importlib.util.spec_from_file_location("cart", pathlib.Path(__file__).resolve().parents[1] / "src/cart.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    try:
        value = module.total(items=[3, 1, 2])
    except Exception as error:
        outcome = "raised " + type(error).__name__
    else:
        outcome = "returned " + re.sub(r" at 0x[0-9a-fA-F]+", " at 0x...", repr(value))
    """ + greengate_ci.PYTHON_OBSERVE_ASSERTION + "\n"


def test_a_python_outcome_is_written_in_as_its_repr_and_the_filled_case_catches_a_change(repo):
    commit(repo, {"src/cart.py": "def total(items):\n    return 'sum: \"%d\"\\n\\u00e9' % sum(items)\n"}, "start")
    suggestion = {"id": "s1", "testPath": "tests/test_cart_observed.py", "code": OBSERVED_PY, "language": "python",
                  "targetSymbol": "total", "awaitingObservation": True}
    report = greengate_ci.verify_observed(suggestion, options(repo, runs=2))
    assert report["passed"], report["log"]
    assert "assert outcome == 'returned \\'sum: \"6\"\\\\né\\''" in report["observedCode"], report["observedCode"]
    (repo / "src/cart.py").write_text("def total(items):\n    return 'sum: %d' % (sum(items) + 1)\n")
    again = greengate_ci.verify_one(dict(suggestion, code=report["observedCode"]), options(repo, runs=1))
    assert again["compiled"] and not again["passed"]
    git(repo, "checkout", "-q", "--", "src/cart.py")
    assert git(repo, "status", "--porcelain") == ""


def test_an_outcome_that_shows_a_clock_reading_is_recognised():
    assert greengate_ci.clock_in("completed; then: 00:00:00.001") == "00:00:00.001"
    assert greengate_ci.clock_in("returned 2026-11-24T20:40:00Z") == "2026-11-24T20:40"
    assert greengate_ci.clock_in("returned PT3S") == "PT3"
    assert greengate_ci.clock_in("returned [3, 1, 2]; out: Hello, World 42") is None


# ------------------------------------------------------------------ differential verification, against a local service

class FakeGreengate:
    """suggestion-service and review-service as the client calls them, on a local port: it hands out the suggestions
    and keeps the verification reports (each parsed as strict JSON from strict UTF-8)."""

    def __init__(self, suggestions):
        self.suggestions = suggestions
        self.reports = {}
        fake = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def answer(self, status, body=None):
                data = json.dumps(body).encode() if body is not None else b""
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                path = urllib.parse.urlparse(self.path).path
                if path == "/api/v1/suggestions":
                    self.answer(200, [dict(s, verification=None) for s in fake.suggestions])
                elif path == "/api/v1/gates":
                    self.answer(200, {"status": "PASSED", "pending": 0, "accepted": len(fake.suggestions),
                                      "modified": 0, "rejected": 0})
                else:  # /api/v1/gates/patch: nothing accepted to apply
                    self.answer(204)

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])).decode("utf-8"))
                path = urllib.parse.urlparse(self.path).path
                if path.endswith("/verification"):
                    id_ = path.split("/")[-2]
                    problem = fake.problem(id_, body)
                    if problem:
                        self.answer(400, {"status": 400, "detail": problem})
                        return
                    fake.reports[id_] = body
                    self.answer(204)
                else:
                    self.answer(201, {"batchId": "b1", "engine": "embedded", "modelVersion": "test",
                                      "usage": {"cpuSeconds": 0.01}, "suggestions": fake.suggestions})

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def problem(self, id_, body):
        """What suggestion-service's Verifications answers 400 to, or None: a passing observed-outcome case without
        observedCode, and a verdict that disagrees with passed or with the base run."""
        suggestion = next((s for s in self.suggestions if s["id"] == id_), {})
        if suggestion.get("awaitingObservation") and body.get("passed") and body.get("observedCode") is None:
            return "observedCode: required for a passing observed-outcome case"
        verdict = body.get("verdict")
        if verdict is None and body.get("base") is not None:
            return "verdict: required with base"
        if verdict is not None and (verdict == "FAILS_ON_HEAD") == bool(body.get("passed")):
            return f"verdict: {verdict} disagrees with passed={body.get('passed')}"
        return None

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def service():
    fakes = []

    def start(suggestions):
        fakes.append(FakeGreengate(suggestions))
        return fakes[-1]
    yield start
    for fake in fakes:
        fake.close()


def python_with(*modules):
    """An interpreter that has the modules (this one, or Debian's, whose python3-coverage CI installs), or None."""
    for candidate in (sys.executable, "/usr/bin/python3"):
        if os.path.exists(candidate) and subprocess.run([candidate, "-c", "import " + ", ".join(modules)],
                                                        capture_output=True).returncode == 0:
            return candidate
    return None


COVERAGE_PYTHON = python_with("pytest", "coverage")

PRICE_BASE = "def discount(total):\n    return total\n\n\ndef label(total):\n    return f'{total:.2f}'\n"
PRICE_HEAD = ("def discount(total):\n    if total > 100:\n        return total * 0.9\n    return total\n\n\n"
              "def label(total):\n    return f'{total:.2f}'\n")
IMPORT_PRICE = ("import pathlib\nimport sys\n\nsys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))\n"
                "from price import discount, label  # noqa: E402\n")
# the checkout's own conftest writes where each pytest session ran: one line per test-runner invocation
COUNTING_CONFTEST = ("import os\n\n\ndef pytest_sessionstart(session):\n"
                     "    with open(os.environ['PYTEST_SESSIONS'], 'a') as file:\n"
                     "        file.write(os.getcwd() + '\\n')\n")
EXISTING_PRICE_TEST = IMPORT_PRICE + "\n\ndef test_old_and_broken():\n    assert False\n"


def price_suggestion(id_, path, body, existing=IMPORT_PRICE):
    return {"id": id_, "testPath": path, "code": existing + "\n\n" + body, "language": "python",
            "targetFile": "price.py", "targetSymbol": "discount", "riskFlags": [], "awaitingObservation": False,
            "confidence": 0.8}


PRICE_SUGGESTIONS = [
    price_suggestion("reveals", "tests/test_price_reveals.py",
                     "def test_a_large_total_is_discounted():\n    assert discount(200) == 180\n"),
    price_suggestion("holds", "tests/test_price_holds.py",
                     "def test_a_small_total_is_kept():\n    assert discount(50) == 50\n"),
    price_suggestion("fails", "tests/test_price_fails.py",
                     "def test_a_wrong_expectation():\n    assert discount(200) == 0\n"),
    # appended to an existing file whose own test fails: only the new function is run
    price_suggestion("appended", "tests/test_price.py",
                     "def test_a_total_of_exactly_100_is_kept():\n    assert discount(100) == 100\n",
                     existing=EXISTING_PRICE_TEST),
    price_suggestion("label", "tests/test_price_label.py",
                     "def test_the_label_has_two_decimals():\n    assert label(3) == '3.00'\n"),
]


def price_repo(repo):
    base = commit(repo, {"price.py": PRICE_BASE, "conftest.py": COUNTING_CONFTEST,
                         "tests/test_price.py": EXISTING_PRICE_TEST}, "start")
    head = commit(repo, {"price.py": PRICE_HEAD}, "discount large totals")
    return base, head


def verify_args(repo, fake, python, *extra):
    return ["verify", "--git-dir", str(repo), "--token", "t", "--repository", "acme/shop",
            "--suggestions-url", fake.url, "--reviews-url", fake.url, "--runs", "2",
            "--python-command", f"{python} -m pytest -q -p no:cacheprovider {{path}}", *extra]


def test_verify_runs_every_case_on_head_and_base_in_one_pytest_invocation_each_and_reports_verdicts(
        repo, service, monkeypatch, capsys):
    base, head = price_repo(repo)
    sessions = repo.parent / f"{repo.name}-sessions"
    monkeypatch.setenv("PYTEST_SESSIONS", str(sessions))
    fake = service(PRICE_SUGGESTIONS)
    assert greengate_ci.main(verify_args(repo, fake, sys.executable, "--no-coverage")) == 0
    verdicts = {id_: report["verdict"] for id_, report in fake.reports.items()}
    assert verdicts == {"reveals": "REVEALS_CHANGE", "holds": "HOLDS", "fails": "FAILS_ON_HEAD",
                        "appended": "HOLDS", "label": "HOLDS"}
    reveals = fake.reports["reveals"]
    assert reveals["passed"] and reveals["compiled"] and reveals["runs"] == 2 and not reveals["flaky"]
    assert reveals["base"] == {"compiled": True, "passed": False, "outcome": None}
    assert "on the base commit it does not pass" in reveals["log"] and "assert 200 == 180" in reveals["log"]
    assert fake.reports["holds"]["base"] == {"compiled": True, "passed": True, "outcome": None}
    assert not fake.reports["fails"]["passed"] and fake.reports["fails"]["compiled"]
    # the existing file's own (failing) test was not run: only the function the suggestion adds
    assert fake.reports["appended"]["passed"], fake.reports["appended"]["log"]
    for report in fake.reports.values():
        assert report["headOutcome"] is None and report["verifySeconds"] > 0
        assert report["changedLinesCovered"] is None and report["changedLinesTotal"] is None
    # five suggestions: two runs on head and one on base, one pytest invocation each
    ran = sessions.read_text().splitlines()
    assert ran.count(str(repo)) == 2 and len(ran) == 3, ran
    assert ran[2] != str(repo) and not os.path.exists(ran[2])
    # the base worktree is gone, the checkout is as it was
    assert len(git(repo, "worktree", "list").splitlines()) == 1
    assert git(repo, "status", "--porcelain") == ""
    captured = capsys.readouterr()
    summary = json.loads(captured.out.strip().splitlines()[-1])
    assert summary["invocations"] == 3 and summary["verified"] == 5 and summary["base"] == base
    assert summary["verdicts"] == {"REVEALS_CHANGE": 1, "HOLDS": 3, "FAILS_ON_HEAD": 1}
    assert "3 test-runner invocation(s)" in captured.err and "s of CI time added" in captured.err
    assert "passed (2 run(s)) REVEALS_CHANGE" in captured.err


@pytest.mark.skipif(not COVERAGE_PYTHON, reason="no python3 with pytest and coverage.py (Debian python3-coverage)")
def test_verify_reports_which_changed_lines_each_case_executed(repo, service, monkeypatch, capsys):
    price_repo(repo)
    monkeypatch.setenv("PYTEST_SESSIONS", str(repo.parent / f"{repo.name}-sessions"))
    fake = service(PRICE_SUGGESTIONS)
    assert greengate_ci.main(verify_args(repo, fake, COVERAGE_PYTHON)) == 0
    covered = {id_: (r["changedLinesCovered"], r["changedLinesTotal"]) for id_, r in fake.reports.items()}
    # the change adds lines 2 (if total > 100) and 3 (return total * 0.9) of price.py
    assert covered == {"reveals": ([2, 3], 2), "holds": ([2], 2), "fails": ([2, 3], 2), "appended": ([2], 2),
                       "label": ([], 2)}
    # a case that executes none of the changed lines is reported as measured, and says why in its log
    assert fake.reports["label"]["passed"] and fake.reports["label"]["verdict"] == "HOLDS"
    assert fake.reports["label"]["log"].startswith("executes none of the 2 changed line(s) of price.py")
    assert "executes none of the 2 changed line(s)" in capsys.readouterr().err
    assert git(repo, "status", "--porcelain") == ""


def test_run_verifies_against_the_base_it_sent_and_sums_up_the_time_verify_added(repo, service, monkeypatch, capsys):
    base, _ = price_repo(repo)
    commit(repo, {"README": "prices\n"}, "docs")  # HEAD~1 is the change itself: against it every case would hold
    monkeypatch.setenv("PYTEST_SESSIONS", str(repo.parent / f"{repo.name}-sessions"))
    fake = service(PRICE_SUGGESTIONS[:1])
    code = greengate_ci.main(["run", "--git-dir", str(repo), "--token", "t", "--repository", "acme/shop",
                              "--suggestions-url", fake.url, "--reviews-url", fake.url, "--base", base, "--verify",
                              "--runs", "1", "--no-coverage", "--interval", "0.1", "--timeout", "5",
                              "--python-command", f"{sys.executable} -m pytest -q -p no:cacheprovider {{path}}"])
    assert code == 0
    assert fake.reports["reveals"]["verdict"] == "REVEALS_CHANGE"
    err = capsys.readouterr().err
    assert "run summary: 1 case(s) verified on head and base (1 REVEALS_CHANGE), verify added" in err
    assert "s of CI time in 2 test-runner invocation(s)" in err


CART_OBSERVED = OBSERVED_PY.replace('parents[1] / "src/cart.py"', 'parents[1] / "cart.py"')


def test_an_observed_case_reports_the_outcome_on_base_and_on_head(repo):
    base = commit(repo, {"cart.py": "def total(items):\n    return sum(items)\n"}, "start")
    commit(repo, {"cart.py": "def total(items):\n    return sum(items) * 2\n"}, "double")
    suggestion = {"id": "o1", "testPath": "tests/test_cart_observed.py", "code": CART_OBSERVED, "language": "python",
                  "targetFile": "cart.py", "targetSymbol": "total", "awaitingObservation": True}
    with greengate_ci.base_checkout(str(repo), base) as base_dir:
        report = greengate_ci.verify_suggestions([suggestion], options(repo, runs=1), base_dir)["o1"]
    assert report["passed"] and report["verdict"] == "REVEALS_CHANGE", report["log"]
    assert report["headOutcome"] == "returned 12"
    assert report["base"] == {"compiled": True, "passed": False, "outcome": "returned 6"}
    assert "assert outcome == 'returned 12'" in report["observedCode"]
    assert len(git(repo, "worktree", "list").splitlines()) == 1 and git(repo, "status", "--porcelain") == ""


# observed-outcome variants of one changed method (the embedded engine's ordinary case, then cases whose arguments are
# constants mined from the change): "show the alteration, at most one pin"
SIZE_BASE = "def label(n):\n    return f'{n} B'\n"
SIZE_HEAD = "def label(n):\n    if n >= 1000:\n        return f'{n / 1000:g} kB'\n    return f'{n} B'\n"


def size_variant(id_, argument):
    code = ("def test_label_keeps_its_observed_outcome_" + id_ + "():\n"
            "    import importlib.util\n    import pathlib\n\n"
            "    spec = importlib.util.spec_from_file_location(\"size\", pathlib.Path(__file__).resolve().parents[1]"
            " / \"size.py\")\n"
            "    module = importlib.util.module_from_spec(spec)\n    spec.loader.exec_module(module)\n"
            "    try:\n        value = module.label(n=" + argument + ")\n"
            "    except Exception as error:\n        outcome = \"raised \" + type(error).__name__\n"
            "    else:\n        outcome = \"returned \" + repr(value)\n"
            "    " + greengate_ci.PYTHON_OBSERVE_ASSERTION + "\n")
    return {"id": id_, "testPath": f"tests/test_size_observed_{id_}.py", "code": code, "language": "python",
            "framework": "pytest", "caseKind": "observed-outcome", "targetFile": "size.py", "targetSymbol": "label",
            "riskFlags": [], "awaitingObservation": True, "confidence": 0.7}


def size_repo(repo, head=SIZE_HEAD):
    commit(repo, {"size.py": SIZE_BASE}, "start")
    commit(repo, {"size.py": head}, "kilobytes")


def verify_variants(repo, fake, *extra):
    return greengate_ci.main(verify_args(repo, fake, sys.executable, "--no-coverage", "--runs", "1", *extra))


def test_only_the_observed_variant_that_reveals_the_change_is_sent_and_the_holding_one_is_withheld(
        repo, service, capsys):
    size_repo(repo)
    # the engine's order: the ordinary case (3 holds), then the variant with the constant of the change (1000)
    fake = service([size_variant("ordinary", "3"), size_variant("mined", "1000")])
    assert verify_variants(repo, fake) == 0
    mined, ordinary = fake.reports["mined"], fake.reports["ordinary"]
    assert mined["passed"] and mined["verdict"] == "REVEALS_CHANGE", mined["log"]
    assert "assert outcome == \"returned '1 kB'\"" in mined["observedCode"], mined["observedCode"]
    assert mined["base"]["outcome"] == "returned '1000 B'"
    # withheld: not passed, no verdict claimed, no observedCode, never reaches reviewers; the log says why
    assert not ordinary["passed"] and "observedCode" not in ordinary
    assert ordinary["verdict"] is None and ordinary["base"] is None and ordinary["compiled"]
    assert ordinary["log"].startswith("withheld: another observed case of label shows the change"), ordinary["log"]
    assert "on head \"returned '3 B'\", on base \"returned '3 B'\"" in ordinary["log"]
    captured = capsys.readouterr()
    assert "withheld: another observed case of label shows the change (REVEALS_CHANGE)" \
           ": tests/test_size_observed_ordinary.py" in captured.err
    assert "1 observed case(s) withheld (one pin per method)" in captured.err
    summary = json.loads(captured.out.strip().splitlines()[-1])
    assert summary["withheld"] == 1 and summary["verdicts"] == {"REVEALS_CHANGE": 1, "HOLDS": 1}
    assert git(repo, "status", "--porcelain") == ""


def test_when_no_observed_variant_shows_the_change_exactly_one_pin_is_sent(repo, service, capsys):
    size_repo(repo)
    fake = service([size_variant("ordinary", "3"), size_variant("mined", "999"), size_variant("other", "0")])
    assert verify_variants(repo, fake) == 0
    sent = [id_ for id_, report in fake.reports.items() if report["passed"]]
    assert sent == ["ordinary"], {id_: r["log"] for id_, r in fake.reports.items()}
    assert fake.reports["ordinary"]["verdict"] == "HOLDS"
    assert "assert outcome == \"returned '3 B'\"" in fake.reports["ordinary"]["observedCode"]
    for id_ in ("mined", "other"):
        report = fake.reports[id_]
        assert "observedCode" not in report and report["verdict"] is None
        assert report["log"].startswith("withheld: one pin per method is enough, label is pinned by "
                                        "tests/test_size_observed_ordinary.py"), report["log"]
    assert json.loads(capsys.readouterr().out.strip().splitlines()[-1])["withheld"] == 2


def test_all_pins_sends_every_passing_observed_variant(repo, service, capsys):
    size_repo(repo)
    fake = service([size_variant("ordinary", "3"), size_variant("mined", "1000")])
    assert verify_variants(repo, fake, "--all-pins") == 0
    assert {id_: (r["passed"], r["verdict"], "observedCode" in r) for id_, r in fake.reports.items()} == {
        "ordinary": (True, "HOLDS", True), "mined": (True, "REVEALS_CHANGE", True)}
    captured = capsys.readouterr()
    assert "withheld" not in captured.err
    assert json.loads(captured.out.strip().splitlines()[-1])["withheld"] == 0


# ------------------------------------------------------------------------------------------------------ hardening

@pytest.mark.parametrize("path", [
    "pkg/$(id>&2) x.py", "src/main/java/../../../../tmp/X.java", "/tmp/test_absolute.py", "tests/a;b/test_x.py",
    "tests/test_`id`.py", "tests/test_x.py\n", "tests/test_\x00.py", "tests/test 'x'.py", "tests\\test_x.py",
    "tests/conftest.py", "tests/__init__.py", "src/shop/cart_check.py", ".git/hooks/tests/test_x.py",
    "tests/-rf/test_x.py", "tests/" + "a" * 300 + ".py", "tests//test_x.py",
])
def test_an_unsafe_test_path_is_refused(path):
    assert greengate_ci.refused_test_path(path, "python" if path.endswith(".py") else "java")


@pytest.mark.parametrize("path, language", [
    ("tests/test_cart.py", "python"), ("src/shop/test_cart.py", "python"), ("src/shop/cart_test.py", "python"),
    ("pkg/tests/unit/test_x.py", "python"), ("src/test/java/org/acme/CartTest.java", "java"),
    ("module-a/src/test/java/org/acme/Cart_Test.java", "java"),
])
def test_a_plain_test_path_is_accepted(path, language):
    assert greengate_ci.refused_test_path(path, language) is None


def test_suggestions_with_unsafe_paths_are_reported_as_not_compiled_and_nothing_is_written(repo, service, capsys,
                                                                                            tmp_path_factory):
    price_repo(repo)
    outside = tmp_path_factory.mktemp("outside")
    (repo / "tests" / "escape").symlink_to(outside, target_is_directory=True)  # an untracked link out of the checkout
    absolute = outside / "test_absolute.py"
    bad = {"dollar": "pkg/$(id>&2) x.py", "dots": "src/main/java/../../../../tmp/X.java", "absolute": str(absolute),
           "conftest": "tests/conftest.py", "link": "tests/escape/test_linked.py"}
    fake = service([dict(price_suggestion(id_, path, "def test_x():\n    assert True\n"),
                         language="java" if path.endswith(".java") else "python") for id_, path in bad.items()])
    assert greengate_ci.main(verify_args(repo, fake, sys.executable, "--no-coverage")) == 0
    for id_ in bad:
        report = fake.reports[id_]
        assert not report["compiled"] and not report["passed"] and "refused" in report["log"], (id_, report)
    err = capsys.readouterr().err
    assert "refused, not written nor run: test path 'pkg/$(id>&2) x.py'" in err
    assert not absolute.exists() and list(outside.iterdir()) == []
    assert not (repo / "src/main/java/../../../../tmp/X.java").exists()
    assert not (repo / "pkg").exists() and not (repo / "tests/conftest.py").exists()
    assert git(repo, "status", "--porcelain") == "?? tests/escape\n"


def test_a_suggested_test_runs_without_the_greengate_token(repo, monkeypatch):
    commit(repo, {"README": "x\n"}, "start")
    monkeypatch.setenv("GREENGATE_TOKEN", "ggt_secret")
    monkeypatch.setenv("MY_GREENGATE_SETTING", "x")
    code = ("import os\n\n\ndef test_no_token_here():\n"
            "    assert [k for k in os.environ if 'GREENGATE' in k.upper()] == []\n"
            "    assert 'ggt_secret' not in ''.join(os.environ.values())\n")
    report = greengate_ci.verify_one(suggestion("tests/test_env.py", code), options(repo, runs=1))
    assert report["passed"], report["log"]


def test_nul_bytes_and_invalid_utf8_in_a_tests_output_do_not_break_the_report(repo):
    commit(repo, {"README": "x\n"}, "start")
    code = ("import sys\n\n\ndef test_noisy():\n    sys.stdout.buffer.write(b'nul:\\x00 bad:\\xff\\xfe end')\n"
            "    sys.stdout.flush()\n    assert False\n")
    report = greengate_ci.verify_one(suggestion("tests/test_noisy.py", code), options(repo, runs=1))
    assert not report["passed"] and "\x00" not in report["log"]
    text = json.dumps(report, ensure_ascii=False)
    assert text.encode("utf-8").decode("utf-8") == text and "\ufffd" in report["log"]


def test_the_test_command_is_split_once_and_never_read_by_a_shell():
    segments = greengate_ci.command_template(
        "javac -d 'target/test classes' {path} && java -jar console.jar execute --select-class {class}")
    assert segments == [["javac", "-d", "target/test classes", "{path}"],
                        ["java", "-jar", "console.jar", "execute", "--select-class", "{class}"]]
    values = {"path": ["src/test/java/a/A Test.java", "src/test/java/a/B.java"], "class": ["a.A", "a.B"]}
    assert greengate_ci.expand(segments[0], values) == ["javac", "-d", "target/test classes",
                                                        "src/test/java/a/A Test.java", "src/test/java/a/B.java"]
    assert greengate_ci.expand(segments[1], values)[-4:] == ["--select-class", "a.A", "--select-class", "a.B"]
    assert greengate_ci.expand(["mvn", "test", "-Dtest={class}"], values) == ["mvn", "test", "-Dtest=a.A,a.B"]
    assert greengate_ci.expand(["x", "--select-class={class}"], values) == ["x", "--select-class=a.A",
                                                                            "--select-class=a.B"]
    assert greengate_ci.command_template("pytest 'a;b' \"x|y\"") == [["pytest", "a;b", "x|y"]]
    for template in ("pytest {path}; rm -rf /", "pytest {path}|tee log", "pytest {path}>out", "pytest $(id)",
                     "pytest {path} 2>&1", "pytest {path} &"):
        with pytest.raises(greengate_ci.Failure):
            greengate_ci.command_template(template)


def test_a_file_name_is_one_argument_even_when_it_looks_like_shell(repo):
    commit(repo, {"README": "x\n"}, "start")
    marker = repo.parent / f"{repo.name}-pwned"
    # straight through expand and run_chain: the path checks would refuse such a name before it got here
    template = greengate_ci.command_template(f"{sys.executable} -c 'import sys; print(sys.argv[1:])' {{path}}")
    name = f"x; touch {marker} $(touch {marker})"
    code, _, output = greengate_ci.run_chain([greengate_ci.expand(s, {"path": [name]}) for s in template],
                                             str(repo), 30)
    assert code == 0 and repr([name]) in output and not marker.exists()


def m2_jar(variable, pattern):
    """A jar named by the environment, else the newest one of the local Maven repository, else None."""
    if os.environ.get(variable):
        return os.environ[variable]
    found = sorted(Path.home().glob(".m2/repository/" + pattern))
    return str(found[-1]) if found else None


JACOCO_AGENT = m2_jar("GREENGATE_JACOCO_AGENT", "org/jacoco/org.jacoco.agent/*/org.jacoco.agent-*-runtime.jar")
JACOCO_CLI = m2_jar("GREENGATE_JACOCO_CLI", "org/jacoco/org.jacoco.cli/*/org.jacoco.cli-*-nodeps.jar")

GREETER_BASE = """package org.acme;

public class Greeter {
    public static String greet(String name) {
        return "Hi " + name;
    }

    public static int length(String name) {
        return name.length();
    }
}
"""
GREETER_HEAD = """package org.acme;

public class Greeter {
    public static String greet(String name) {
        String trimmed = name.trim();
        return "Hi " + trimmed + "!";
    }

    public static String shout(String name) {
        return name.toUpperCase();
    }

    public static int length(String name) {
        return name.length();
    }
}
"""


def junit_case(name, assertion):
    return {"id": name, "testPath": f"src/test/java/org/acme/Greeter{name}Test.java", "language": "java",
            "targetFile": "src/main/java/org/acme/Greeter.java", "targetSymbol": "Greeter", "riskFlags": [],
            "awaitingObservation": False, "code": f"""package org.acme;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class Greeter{name}Test {{
    @Test
    void check() {{
        {assertion}
    }}
}}
"""}


@needs_junit
def test_java_cases_run_in_one_junit_invocation_per_side_with_each_classs_own_coverage(repo):
    base = commit(repo, {"src/main/java/org/acme/Greeter.java": GREETER_BASE, ".gitignore": "target/\n"}, "start")
    head = commit(repo, {"src/main/java/org/acme/Greeter.java": GREETER_HEAD}, "trim, and shout")
    cases = [junit_case("Greet", 'assertEquals("Hi Ann!", Greeter.greet(" Ann "));'),
             junit_case("Shout", 'assertEquals("ANN", Greeter.shout("Ann"));'),  # no such method on base
             junit_case("Length", 'assertEquals(3, Greeter.length("Ann"));')]
    measured = JACOCO_AGENT and JACOCO_CLI
    settings = java_options(repo, runs=1)
    settings.jacoco_agent, settings.jacoco_cli = (JACOCO_AGENT, JACOCO_CLI) if measured else (None, None)
    runner = greengate_ci.Runner(settings)
    with greengate_ci.base_checkout(str(repo), base) as base_dir:
        reports = greengate_ci.verify_suggestions(cases, settings, base_dir,
                                                  greengate_ci.changed_lines(str(repo), base, head), runner)
    assert {k: r["verdict"] for k, r in reports.items()} == {
        "Greet": "REVEALS_CHANGE", "Shout": "REVEALS_CHANGE", "Length": "HOLDS"}, reports
    assert reports["Shout"]["base"] == {"compiled": False, "passed": False, "outcome": None}
    assert reports["Greet"]["base"] == {"compiled": True, "passed": False, "outcome": None}
    # head: one javac + console launcher run; base: one, and one more without the case that did not compile there
    assert runner.invocations == 3
    if measured:
        # added lines: 5-6 (trimmed, the new return) and 9-12 (shout); JaCoCo's executable ones: 5, 6 and 10
        assert {k: (r["changedLinesCovered"], r["changedLinesTotal"]) for k, r in reports.items()} == {
            "Greet": ([5, 6], 3), "Shout": ([10], 3), "Length": ([], 3)}, reports
    assert git(repo, "status", "--porcelain") == ""


def test_a_unittest_case_and_a_file_without_test_functions_are_judged_by_what_pytest_ran(repo):
    commit(repo, {"README": "x\n"}, "start")
    unittest_case = ("import unittest\n\n\nclass CartChecks(unittest.TestCase):\n"
                     "    def test_sum(self):\n        self.assertEqual(sum([1, 2]), 3)\n")
    assert greengate_ci.test_functions(unittest_case).keys() == {"CartChecks.test_sum"}
    report = greengate_ci.verify_one(suggestion("tests/test_unit.py", unittest_case), options(repo, runs=1))
    assert report["passed"], report["log"]
    nothing = "TOTAL = 3\n"  # pytest collects nothing: no test ran, so it does not pass
    report = greengate_ci.verify_one(suggestion("tests/test_nothing.py", nothing), options(repo, runs=1))
    assert report["compiled"] and not report["passed"]


def test_node_ids_are_matched_when_pytest_has_its_rootdir_in_a_subfolder(repo):
    commit(repo, {"python/pytest.ini": "[pytest]\n", "python/price.py": "def one():\n    return 1\n"}, "start")
    code = ("import pathlib\nimport sys\n\nsys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))\n"
            "from price import one  # noqa: E402\n\n\ndef test_one():\n    assert one() == 1\n")
    report = greengate_ci.verify_one(suggestion("python/tests/test_price.py", code), options(repo, runs=1))
    assert report["passed"], report["log"]


def test_a_test_that_puts_a_link_in_its_files_place_gets_nothing_written_through_it(repo, tmp_path_factory):
    commit(repo, {"tests/test_existing.py": "def test_old():\n    assert True\n"}, "start")
    outside = tmp_path_factory.mktemp("outside") / "precious.txt"
    outside.write_text("mine\n")
    code = ("import os\n\n\ndef test_old():\n    assert True\n\n\ndef test_swap():\n"
            f"    os.remove(__file__)\n    os.symlink({str(outside)!r}, __file__)\n")
    report = greengate_ci.verify_one(suggestion("tests/test_existing.py", code), options(repo, runs=1))
    assert report["passed"], report["log"]
    assert outside.read_text() == "mine\n"
    assert not (repo / "tests/test_existing.py").is_symlink()
    assert git(repo, "status", "--porcelain") == ""
