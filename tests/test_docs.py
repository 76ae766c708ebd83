"""The docs name modules and functions that exist (docs/architecture.md's map cannot rot).

Cheap: reads the Markdown and parses the named modules with `ast`; imports only core
modules (the parser, the event registry, the TOML readers; no Textual).
- every `…/x.py` path in README.md and docs/ is a file of the repository;
- in docs/architecture.md, every module named resolves under src/namndtui; there and in
  every other page, a `module.py` `name` pair is defined in that module and a
  `Class.attribute` on that class or a base class of it;
- README's command list names every subcommand and long option of the parser;
  docs/settings.md lists every remappable binding id with its default key, and
  docs/keys.md tags each key's row with it; docs/record.md lists every event type with
  its class and fields; the page of each TOML file names every key its reader accepts;
- a dotted `namndtui.module.name` is a name defined in that module.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "namndtui"
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
MAP = ROOT / "docs" / "architecture.md"

PY_PATH = re.compile(r"(?<![\w/.<-])((?:[\w.-]+/)*[\w-]+\.py)\b")
TICKED = re.compile(r"`([^`\n]+)`")
FILE_NAME = re.compile(r"\.(py|tcss|j2|md|toml|css)$")
# `module.py` `name` (or **`module.py`**, `name`): the name is defined in that module
PAIR = re.compile(r"`((?:\w+/)*\w+\.py)`(?:\*\*)?,?\s+`([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?)`")
DOTTED = re.compile(r"\b([A-Z]\w+)\.([a-z_]\w*)\b")


@cache
def repo_files() -> tuple[str, ...]:
    skip = {".git", ".venv", "__pycache__", "node_modules"}
    return tuple(
        p.relative_to(ROOT).as_posix()
        for p in ROOT.rglob("*.py")
        if not skip & set(p.relative_to(ROOT).parts)
    )


def src_modules(name: str) -> list[Path]:
    """The modules under src/namndtui that `name` ("record/acts.py", "acts.py") names."""
    name = name.removeprefix("src/").removeprefix("namndtui/")
    return sorted(p for p in SRC.rglob("*.py") if p.relative_to(SRC).as_posix().endswith(name))


@cache
def definitions(path: Path) -> tuple[frozenset[str], dict[str, tuple[set[str], list[str]]]]:
    """The module-level names of `path`, and its classes: name -> (attributes, bases)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    classes: dict[str, tuple[set[str], list[str]]] = {}
    for node in tree.body:
        names |= _bound(node)
        if isinstance(node, ast.ClassDef):
            attrs: set[str] = set()
            for sub in node.body:
                attrs |= _bound(sub)
            bases = [b.id if isinstance(b, ast.Name) else ast.unparse(b) for b in node.bases]
            classes[node.name] = (attrs, bases)
    return frozenset(names), classes


def _bound(node: ast.stmt) -> set[str]:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return {node.name}
    if isinstance(node, ast.Assign):
        return {t.id for t in node.targets if isinstance(t, ast.Name)}
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return {node.target.id}
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return {(a.asname or a.name).split(".")[0] for a in node.names}
    return set()


@cache
def all_classes() -> dict[str, list[tuple[set[str], list[str]]]]:
    found: dict[str, list[tuple[set[str], list[str]]]] = {}
    for path in SRC.rglob("*.py"):
        for name, cls in definitions(path)[1].items():
            found.setdefault(name, []).append(cls)
    return found


def has_attribute(class_name: str, attr: str, seen: frozenset[str] = frozenset()) -> bool:
    for attrs, bases in all_classes().get(class_name, []):
        if attr in attrs:
            return True
        if any(has_attribute(b, attr, seen | {class_name}) for b in bases if b not in seen):
            return True
    return False


def test_every_python_path_in_the_docs_exists() -> None:
    files = repo_files()
    missing = []
    for doc in DOCS:
        for number, line in enumerate(doc.read_text(encoding="utf-8").splitlines(), 1):
            for match in PY_PATH.finditer(line):
                path = match.group(1)
                if path == "module.py":  # the map's own legend
                    continue
                if not any(f == path or f.endswith("/" + path) for f in files):
                    missing.append(f"{doc.name}:{number}: {path}")
    assert not missing, "\n".join(missing)


def test_the_map_names_modules_that_exist() -> None:
    missing = []
    for number, line in enumerate(MAP.read_text(encoding="utf-8").splitlines(), 1):
        for tick in TICKED.findall(line):
            for path in re.findall(r"^((?:[\w]+/)*[\w]+(?:\.py|/))$", tick.strip()):
                if path.startswith(("tests/", "benchmarks/", "src/", "../")) or path == "module.py":
                    continue
                exists = (SRC / path).is_dir() if path.endswith("/") else src_modules(path)
                if not exists:
                    missing.append(f"architecture.md:{number}: {path}")
    assert not missing, "\n".join(missing)


def test_the_docs_name_functions_and_classes_that_exist() -> None:
    """`module.py` `name`: defined in that module; `Class.attr`: on the class or a base
    (the map, and every other page of docs/ and README.md)."""
    missing = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for found in PAIR.finditer(text):
            module, name = found.groups()
            if FILE_NAME.search(name) or module == "module.py":
                continue
            paths = src_modules(module)
            if doc != MAP and not paths:  # a test or benchmark script
                continue
            if not any(name.split(".")[0] in definitions(p)[0] for p in paths):
                number = text.count("\n", 0, found.start()) + 1
                missing.append(f"{doc.name}:{number}: {module} `{name}`")
        for number, line in enumerate(text.splitlines(), 1):
            for tick in TICKED.findall(line):
                for class_name, attr in DOTTED.findall(tick):
                    if class_name in all_classes() and not has_attribute(class_name, attr):
                        missing.append(f"{doc.name}:{number}: {class_name}.{attr}")
    assert not missing, "\n".join(missing)


def test_the_three_questions_point_at_one_module_each() -> None:
    """Issue #12: the tie, the decision in protokoll.md, the key to the journal."""
    text = MAP.read_text(encoding="utf-8")
    answers = {
        "tie broken": ("record/voting.py", "casting_vote"),
        "decision rendered in protokoll.md": ("minutes/paragraph.py", "decision_blocks"),
        "key become a journal event": ("tui/app_acts.py", "RecordKeeper"),
    }
    for question, (module, name) in answers.items():
        found = re.search(rf"{re.escape(question)}\?\* \*\*`([^`]+)`\*\*", text)
        assert found and found.group(1) == module, question
        assert name in definitions(src_modules(module)[0])[0], (module, name)


def _readme_commands() -> dict[str, str]:
    """README's "Command line" block: command name -> the text of its entry."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("## Command line", 1)[1].split("```", 2)[1]
    entries: dict[str, str] = {}
    name = ""
    for line in block.splitlines():
        if line.startswith("namndtui "):
            name = line.split()[1]
        entries[name] = entries.get(name, "") + line + "\n"
    return entries


def test_readme_lists_every_command_and_option() -> None:
    """Each subcommand of `namndtui --help` has an entry in README's command list naming
    every one of its long options; the top-level options are there too."""
    import argparse

    from namndtui.cli import full_parser

    entries = _readme_commands()
    missing = []
    for action in full_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                entry = entries.get(name)
                if entry is None:
                    missing.append(name)
                    continue
                options = {o for a in sub._actions for o in a.option_strings if o != "--help"}
                missing += [f"{name} {o}" for o in options if o.startswith("--") and o not in entry]
        else:
            block = "".join(entries.values())
            missing += [o for o in action.option_strings if o.startswith("--") and o not in block]
    missing = [m for m in missing if m != "--help"]
    assert not missing, f"add to README.md's Command line block: {missing}"


def _binding_ids() -> dict[str, str]:
    """id -> default key of the meeting screen's bindings and the palette's (read from the
    source with ast, so Textual is not imported)."""
    found = {}
    for module in ("tui/bindings.py", "tui/app.py"):
        tree = ast.parse((SRC / module).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Binding":
                ids = [k.value for k in node.keywords if k.arg == "id"]
                if ids and isinstance(node.args[0], ast.Constant):
                    found[ids[0].value] = node.args[0].value
    return found


def test_settings_md_lists_every_remappable_binding_id() -> None:
    """docs/settings.md's table of binding ids is the meeting screen's bindings and the
    palette's, with their default keys."""
    text = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `([\w.]+)` \| `([^`]+)` \|", text, re.M))
    names = {"question_mark": "?"}
    expected = {i: names.get(k, k) for i, k in _binding_ids().items()}
    assert rows == expected, "docs/settings.md's binding id table differs from tui/bindings.py"


def test_keys_md_names_every_binding_id() -> None:
    """Each key of the meeting screen has its row in docs/keys.md, tagged with its id:
    [item.decide], or [record.undo/redo] for two."""
    text = (ROOT / "docs" / "keys.md").read_text(encoding="utf-8")
    tagged = set()
    for group, names in re.findall(r"\[(\w+)\.([\w/]+)\]", text):
        tagged |= {f"{group}.{name}" for name in names.split("/")}
    untagged = set(_binding_ids()) - {"palette"} - tagged
    assert not untagged, f"docs/keys.md has no row tagged [{untagged}]"


def test_record_md_lists_every_event_with_its_fields() -> None:
    """docs/record.md's event table: every journal `type`, its class and its fields."""
    import dataclasses

    from namndtui.record.events import EVENT_TYPES

    text = (ROOT / "docs" / "record.md").read_text(encoding="utf-8")
    rows = {}
    row = re.compile(r"^\| `(\w+)`(?: / `(\w+)`)? \| ([\w /]+) \| ([^|]*) \|", re.M)
    for types in row.finditer(text):
        fields = [f.strip().split(" ")[0] for f in types.group(4).split(",") if f.strip()]
        classes = [c.strip() for c in types.group(3).split("/")]
        for kind, cls in zip([t for t in types.group(1, 2) if t], classes, strict=True):
            rows[kind] = (cls, fields)
    documented = {
        kind: (cls.__name__, [f.name for f in dataclasses.fields(cls)])
        for kind, cls in EVENT_TYPES.items()
    }
    assert rows == documented, "docs/record.md's event table differs from EVENT_TYPES"


def _ticked_words(doc: str, start: str = "", end: str = "") -> set[str]:
    text = (ROOT / "docs" / doc).read_text(encoding="utf-8")
    if start:
        text = text[text.index(start) :]
    if end:
        text = text[: text.index(end)]
    return {w for tick in TICKED.findall(text) for w in re.findall(r"[a-z_]+", tick)}


# the kinds of tomlcheck.Reader: a dict of key -> one of these is a table's schema
KINDS = {"str", "text", "str_list", "int", "pos_int", "bool", "date", "any_date", "time"}
KINDS |= {"table", "tables"}


def _schemas(module: object) -> list[dict[str, str]]:
    """The key tables (key -> kind) a reader module checks files against."""
    return [
        v
        for n, v in vars(module).items()
        if n.lstrip("_").isupper() and isinstance(v, dict) and v and set(v.values()) <= KINDS
    ]


def test_every_toml_key_read_is_documented() -> None:
    """Each key meeting.toml, protokoll.toml and the settings files may hold is named in
    backticks on the page that describes that file."""
    from dataclasses import fields

    from namndtui import meetingcheck, settings
    from namndtui.minutes import protokoll_read, seal
    from namndtui.minutes.settings import ProtokollSettings

    pages = {
        "meeting-format.md": (_schemas(meetingcheck), "", ""),
        "minutes.md": (
            [*_schemas(protokoll_read), seal.SEAL_KEYS],
            "## protokoll.toml: every key",
            "### A full example",
        ),
        "settings.md": ([settings.TOP], "", ""),
        "settings-protokoll.md": ([{f.name: "" for f in fields(ProtokollSettings)}], "", ""),
    }
    missing = []
    for page, (schemas, start, end) in pages.items():
        words = _ticked_words(page, start, end)
        missing += [f"{page}: {k}" for schema in schemas for k in schema if k not in words]
    assert not missing, f"name these keys on their page: {missing}"


def test_dotted_names_in_the_docs_exist() -> None:
    """`namndtui.minutes.protokoll_read.load_protokoll`: a module, then a name defined in it
    (performance.md, a log of measurements, may name modules since split)."""
    missing = []
    for doc in DOCS:
        if doc.name == "performance.md":
            continue
        text = doc.read_text(encoding="utf-8")
        for found in re.finditer(r"(?<![\w.])namndtui((?:\.\w+)+)", text):
            parts = found.group(1).lstrip(".").split(".")
            if parts in (["lock"], ["toml"]):  # the file names .namndtui.lock, namndtui.toml
                continue
            k = len(parts)
            while k and not (SRC.joinpath(*parts[:k]).with_suffix(".py").is_file()):
                if SRC.joinpath(*parts[:k], "__init__.py").is_file():
                    break
                k -= 1
            rest = parts[k:]
            if not rest:
                continue
            path = SRC.joinpath(*parts[:k]).with_suffix(".py")
            if not path.is_file():
                path = SRC.joinpath(*parts[:k], "__init__.py")
            names, _ = definitions(path)
            good = rest[0] in names and (len(rest) == 1 or has_attribute(rest[0], rest[1]))
            if not good:
                number = text.count("\n", 0, found.start()) + 1
                missing.append(f"{doc.name}:{number}: {found.group(0)}")
    assert not missing, f"no such name in src/namndtui: {missing}"
