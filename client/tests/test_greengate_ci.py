"""The CI client's own parts, on real git repositories and a real pytest (no Greengate service needed: the end-to-end
test in e2e/ drives the whole client against the packaged services)."""
import os
import subprocess
import sys
import tempfile
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
