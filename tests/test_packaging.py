"""The package declares every package it imports, and requirements.txt is an exact lock of those declarations.

pyproject.toml holds ranges: what the code is written for. requirements.txt is compiled from them
(`make lock`) and pins every package exactly, with the reason for each pin, so that every machine
builds the same book. A package imported but not declared works here only because something else
happens to pull it in, and breaks `pip install kratom-claims` the day that stops.
"""

from __future__ import annotations

import ast
import json
import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "kratom_claims"
LOCK = ROOT / "requirements.txt"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
SELF = canonicalize_name(PROJECT["name"])

# Import names that differ from the name of the distribution that provides them.
DISTRIBUTION_OF = {
    "IPython": "ipython",
    "ahocorasick": "pyahocorasick",
    "bs4": "beautifulsoup4",
    "yaml": "pyyaml",
}

# One line of the lock: `name==version`, optionally with an environment marker.
PIN = re.compile(r"(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[^\s;]+)(?:\s*;\s*(?P<marker>.+))?")
CODE_CELL = re.compile(r"^```\{code-cell\}[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
# A MyST code-cell's options before its code: `:tags: [...]` lines or a `---` YAML block.
CELL_OPTIONS = re.compile(r"\A(?:---\n.*?^---\n|(?::[\w-]+:[^\n]*\n)+)", re.MULTILINE | re.DOTALL)


def imports_in(source: str) -> set[str]:
    """Top-level names of the absolute imports in Python source, wherever they stand (functions too)."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def code_of(path: Path) -> list[str]:
    """The Python source in a file: a module, a notebook's code cells, or a MyST page's code-cells."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".ipynb":
        cells = ["".join(cell["source"]) for cell in json.loads(text)["cells"] if cell["cell_type"] == "code"]
    elif path.suffix == ".md":
        cells = [CELL_OPTIONS.sub("", cell) for cell in CODE_CELL.findall(text)]
    else:
        return [text]
    # Magics and shell lines (%matplotlib, !pip) are not Python.
    return ["\n".join(line for line in cell.splitlines() if not line.lstrip().startswith(("%", "!"))) for cell in cells]


def third_party_imports(paths: list[Path], local: set[str]) -> dict[str, list[str]]:
    """Each imported distribution name, with the files importing it; standard library and local modules left out."""
    found: dict[str, list[str]] = {}
    for path in paths:
        for source in code_of(path):
            for name in imports_in(source) - set(sys.stdlib_module_names) - local:
                distribution = canonicalize_name(DISTRIBUTION_OF.get(name, name))
                found.setdefault(distribution, []).append(str(path.relative_to(ROOT)))
    return found


def requirements(*groups: str) -> dict[str, Requirement]:
    """The declared requirements by distribution name: "runtime" and the named extras, without self-references."""
    lines = []
    for group in groups:
        lines += PROJECT["dependencies"] if group == "runtime" else PROJECT["optional-dependencies"][group]
    parsed = [Requirement(line) for line in lines]
    return {canonicalize_name(r.name): r for r in parsed if canonicalize_name(r.name) != SELF}


def lock_lines() -> list[tuple[int, str]]:
    """The lock's requirement lines (comments and blank lines left out), with their line numbers."""
    numbered = enumerate(LOCK.read_text(encoding="utf-8").splitlines(), 1)
    return [(number, line) for number, line in numbered if line.strip() and not line.lstrip().startswith("#")]


def lock_pins() -> dict[str, tuple[str, str | None]]:
    pins = {}
    for _, line in lock_lines():
        match = PIN.fullmatch(line.strip())
        if match:
            pins[canonicalize_name(match["name"])] = (match["version"], match["marker"])
    return pins


EXTRAS = sorted(PROJECT["optional-dependencies"])
EVERYTHING = requirements("runtime", *EXTRAS)


# Extras that a module of the package may import inside a function, for a feature the book never uses.
OPTIONAL_EXTRAS = ("scale",)


def module_level_imports(source: str) -> set[str]:
    """Top-level names of the imports a module runs when it is imported (not those inside functions)."""
    names = set()
    for node in ast.parse(source).body:
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_every_package_the_package_imports_is_a_runtime_dependency():
    imported = third_party_imports(sorted(PACKAGE.rglob("*.py")), local={"kratom_claims"})
    declared = requirements("runtime") | requirements(*OPTIONAL_EXTRAS)
    missing = {name: files for name, files in imported.items() if name not in declared}
    assert missing == {}, (
        "imported by src/kratom_claims but not in [project] dependencies of pyproject.toml "
        "(if the import name differs from the distribution's, add it to DISTRIBUTION_OF)"
    )


def test_optional_extras_are_imported_only_inside_functions_so_the_package_works_without_them():
    optional = set(requirements(*OPTIONAL_EXTRAS))
    at_import = {
        str(path.relative_to(ROOT)): sorted(optional & {canonicalize_name(n) for n in module_level_imports(code)})
        for path in sorted(PACKAGE.rglob("*.py"))
        for code in code_of(path)
    }
    assert {path: names for path, names in at_import.items() if names} == {}


def test_every_runtime_dependency_is_imported_by_the_package():
    imported = third_party_imports(sorted(PACKAGE.rglob("*.py")), local={"kratom_claims"})
    assert sorted(set(requirements("runtime")) - set(imported)) == []


SOURCE_SUFFIXES = {".py", ".ipynb", ".md"}


def test_every_import_of_the_book_tests_and_scripts_is_declared_somewhere():
    folders = ["notebooks", "book", "_ext", "scripts", "benchmarks", "tests"]
    paths = [p for folder in folders for p in sorted((ROOT / folder).rglob("*")) if p.suffix in SOURCE_SUFFIXES]
    paths = [p for p in paths if not {"node_modules", ".ipynb_checkpoints"} & set(p.parts)]
    local = {"kratom_claims"} | {p.stem for p in paths if p.suffix == ".py"}
    missing = {name: files for name, files in third_party_imports(paths, local).items() if name not in EVERYTHING}
    assert missing == {}, "imported but declared neither in dependencies nor in an extra of pyproject.toml"


def test_every_declared_requirement_is_a_range_with_both_bounds():
    unbounded = []
    for name, requirement in EVERYTHING.items():
        operators = {spec.operator for spec in requirement.specifier}
        if not (operators & {">=", ">", "~="} and operators & {"<", "~="}):
            unbounded.append(f"{name}{requirement.specifier}")
    assert unbounded == [], "give a lower bound (what it is tested with) and an upper one (the next breaking release)"


def test_every_lock_line_is_an_exact_pin_or_the_editable_project():
    loose = [f"line {number}: {line}" for number, line in lock_lines() if line != "-e ." and not PIN.fullmatch(line)]
    assert loose == []
    assert [line for _, line in lock_lines()].count("-e .") == 1, "the lock installs the project with `-e .`"


def test_every_pin_says_why_it_is_there():
    lines = LOCK.read_text(encoding="utf-8").splitlines()
    following = [*lines[1:], ""]
    unexplained = [
        line
        for line, after in zip(lines, following, strict=True)
        if PIN.fullmatch(line) and not after.lstrip().startswith("# via")
    ]
    assert unexplained == [], "compile the lock with `make lock`, which writes a `# via` line under every pin"


def test_the_lock_pins_every_declared_requirement_inside_its_range():
    pins = lock_pins()
    unpinned = sorted(set(EVERYTHING) - set(pins))
    outside = [
        f"{name}=={pins[name][0]} not in {req.specifier}"
        for name, req in EVERYTHING.items()
        if name in pins and not req.specifier.contains(pins[name][0], prereleases=True)
    ]
    assert (unpinned, outside) == ([], []), "run `make lock` after changing pyproject.toml"


def test_the_book_is_built_with_jupyter_book_1():
    # jupyter-book 2.x is another program (mystmd): configured by myst.yml, and it fetches its theme at build time.
    assert Version(lock_pins()["jupyter-book"][0]).major == 1


def test_the_environment_running_the_tests_is_the_lock():
    """`pip install -r requirements.txt` (what make runs) installed exactly the pinned versions."""
    different = []
    for name, (version, marker) in sorted(lock_pins().items()):
        if marker and not Marker(marker).evaluate():
            continue
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            installed = "not installed"
        if installed == "not installed" or Version(installed) != Version(version):
            different.append(f"{name}: locked {version}, installed {installed}")
    assert different == [], "reinstall: rm .venv/.installed && make unit"
