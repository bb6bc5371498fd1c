"""scripts/ensure_browser.sh works offline: no npm at all when axe-core is installed, npm's cache before the registry."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kratom_claims.layout import project_layout

PROJECT_ROOT = project_layout().project_root

LOCK = PROJECT_ROOT / "tests" / "browser" / "package-lock.json"
WANTED = json.loads(LOCK.read_text(encoding="utf-8"))["packages"]["node_modules/axe-core"]["version"]

# An npm that logs its arguments and installs axe-core only where the test says it can be had.
FAKE_NPM = """#!/bin/bash
echo "$*" >> "$NPM_LOG"
offline=no
for arg in "$@"; do [ "$arg" = "--offline" ] && offline=yes; done
[ "$offline" = yes ] && [ "$NPM_CACHE" != full ] && exit 1
/bin/mkdir -p tests/browser/node_modules/axe-core
echo '{"version": "VERSION"}' > tests/browser/node_modules/axe-core/package.json
echo '/*! axe */' > tests/browser/node_modules/axe-core/axe.min.js
"""


@pytest.fixture
def project(tmp_path):
    """A copy of the script and the lock file, a stand-in Chromium, and a PATH with only the tools the script needs."""
    root = tmp_path / "project"
    (root / "scripts").mkdir(parents=True)
    (root / "tests" / "browser").mkdir(parents=True)
    shutil.copy2(PROJECT_ROOT / "scripts" / "ensure_browser.sh", root / "scripts")
    shutil.copy2(LOCK, root / "tests" / "browser")
    tools = tmp_path / "bin"
    tools.mkdir()
    (tools / "python3").symlink_to(Path(sys.executable).resolve())
    (tools / "dirname").symlink_to(shutil.which("dirname"))
    chromium = tmp_path / "chromium"
    chromium.write_text("#!/bin/bash\necho 'Chromium 1.0'\n", encoding="utf-8")
    chromium.chmod(0o755)
    env = {"PATH": str(tools), "CHROMIUM": str(chromium), "NPM_LOG": str(tmp_path / "npm.log"), "HOME": str(tmp_path)}
    return root, tools, env


def with_npm(tools):
    npm = tools / "npm"
    npm.write_text(FAKE_NPM.replace("VERSION", WANTED), encoding="utf-8")
    npm.chmod(0o755)


def ensure(root, env, **extra):
    return subprocess.run(
        ["/bin/bash", str(root / "scripts" / "ensure_browser.sh")],
        env={**env, **extra},
        capture_output=True,
        text=True,
        check=False,
    )


def npm_calls(env) -> list[str]:
    log = env["NPM_LOG"]
    return open(log, encoding="utf-8").read().splitlines() if os.path.exists(log) else []


def test_an_installed_axe_core_needs_no_npm_at_all(project):
    root, _, env = project
    installed = root / "tests" / "browser" / "node_modules" / "axe-core"
    installed.mkdir(parents=True)
    (installed / "package.json").write_text(json.dumps({"version": WANTED}), encoding="utf-8")
    (installed / "axe.min.js").write_text("/*! axe */\n", encoding="utf-8")
    done = ensure(root, env)
    assert (done.returncode, done.stdout, done.stderr) == (0, f"ensure_browser: Chromium 1.0, axe-core {WANTED}\n", "")


def test_npm_installs_from_its_cache_without_the_registry(project):
    root, tools, env = project
    with_npm(tools)
    done = ensure(root, env, NPM_CACHE="full")
    assert done.returncode == 0, done.stderr
    assert npm_calls(env) == ["ci --offline --prefix tests/browser --no-audit --no-fund --silent"]


def test_the_registry_is_asked_only_when_the_cache_lacks_axe_core(project):
    root, tools, env = project
    with_npm(tools)
    done = ensure(root, env, NPM_CACHE="empty")
    assert done.returncode == 0, done.stderr
    assert npm_calls(env) == [
        "ci --offline --prefix tests/browser --no-audit --no-fund --silent",
        "ci --prefix tests/browser --no-audit --no-fund --silent",
    ]
    assert f"axe-core {WANTED} is not in npm's cache; fetching it from the npm registry" in done.stdout


def test_a_missing_axe_core_without_npm_says_what_to_install(project):
    root, _, env = project
    done = ensure(root, env)
    assert done.returncode == 1
    assert done.stderr == (
        f"ensure_browser: axe-core {WANTED} is not installed and npm is missing: install Node.js and npm "
        "(Debian: apt-get install nodejs npm), then rerun.\n"
    )
