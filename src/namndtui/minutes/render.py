"""Thin renderings of the minutes document (`namndtui.minutes.document`) with Jinja2.

The templates live in the package (`minutes/templates/<layout>/`): `protokoll.md.j2`,
`protokoll.html.j2`, `utdrag.md.j2`, `utdrag.html.j2`, `paragraph.{md,html}.j2` (one §),
`head.html.j2` (the page header and footer) and `protokoll.css`. A municipality overrides any of them with a folder of its own
(`--template DIR` or `template_dir` in the settings): a file there wins, the rest come from
the bundled layout, and the layout `older` itself only overrides what differs from `modern`.

Escaping is not left to the templates: every `{{ … }}` that is plain text goes through the
environment's `finalize`, so user text reads back literally in Markdown (`escape_md`) and
in HTML (autoescape), and a control character shows as its picture (`textcheck.visible`).
What a filter returns is `Markup` (already safe) and passes through unchanged.
"""

from __future__ import annotations

import html as html_lib
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from namndtui.errors import UserError, os_reason
from namndtui.minutes.blocks import BULLETS, HEADING, NUMBERED, TABLE, Block
from namndtui.minutes.document import Document
from namndtui.minutes.escape import escape_md, md_list
from namndtui.minutes.paragraph import ParagraphDoc
from namndtui.minutes.settings import MODERN, ProtokollSettings
from namndtui.textcheck import visible

TEMPLATES = Path(__file__).with_name("templates")
SIGNATURE_LINE = "……………………………………"


# --- Markdown ---------------------------------------------------------------------------------


def _md_finalize(value: Any) -> Any:
    if isinstance(value, Markup) or value is None:
        return value
    return escape_md(str(value))


def _md_cell(value: str) -> str:
    return escape_md(value.replace("\r\n", " ").replace("\n", " ").replace("\r", " "))


def md_block(block: Block) -> Markup:
    """One block as CommonMark (+ GFM table)."""
    if block.kind == HEADING:
        return Markup(f"### {escape_md(block.text)}")
    if block.kind in (BULLETS, NUMBERED):
        lines = [escape_md(item) for item in block.items]
        return Markup(md_list(lines, ordered=block.kind == NUMBERED))
    if block.kind == TABLE:
        rows = [
            "| " + " | ".join(_md_cell(c) for c in block.header) + " |",
            "| --- |" + " :-: |" * (len(block.header) - 1),
        ]
        rows += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in block.rows]
        return Markup("\n".join(rows))
    return Markup(escape_md(block.text))


def md_lines(lines: tuple[str, ...]) -> Markup:
    """A field's lines: one line as it is, several as a list."""
    if len(lines) == 1:
        return Markup(escape_md(lines[0]))
    return Markup("\n" + md_list([escape_md(line) for line in lines]))


def _tidy_markdown(text: str) -> str:
    """Blocks separated by exactly one blank line, no trailing spaces, one final newline."""
    text = re.sub(r"[ \t]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"


# --- HTML -------------------------------------------------------------------------------------


def _html_finalize(value: Any) -> Any:
    if isinstance(value, Markup) or value is None:
        return value
    return visible(str(value))


def _html_text(value: str) -> Markup:
    """Text with its line breaks as <br> (escaped; control characters made visible)."""
    value = visible(value.replace("\r\n", "\n").replace("\r", "\n"))
    return Markup("<br>\n".join(html_lib.escape(line, quote=False) for line in value.split("\n")))


def html_block(block: Block) -> Markup:
    if block.kind == HEADING:
        return Markup(f"<h3>{_html_text(block.text)}</h3>")
    if block.kind in (BULLETS, NUMBERED):
        tag = "ol" if block.kind == NUMBERED else "ul"
        items = "".join(f"<li>{_html_text(item)}</li>" for item in block.items)
        return Markup(f"<{tag}>{items}</{tag}>")
    if block.kind == TABLE:
        head = "".join(f'<th scope="col">{_html_text(c)}</th>' for c in block.header)
        body = "".join(
            f'<tr><th scope="row">{_html_text(row[0])}</th>'
            + "".join(f"<td>{_html_text(c)}</td>" for c in row[1:])
            + "</tr>"
            for row in block.rows
        )
        return Markup(
            f'<table class="votes"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
        )
    return Markup(f"<p>{_html_text(block.text)}</p>")


def file_uri(value: str) -> str:
    """A logo path as a file: URI (WeasyPrint and browsers resolve it without a base URL)."""
    if "://" in value or value.startswith("data:"):
        return value
    return Path(value).absolute().as_uri()


def css_string(value: str) -> Markup:
    """A CSS string literal for `content:` (the organ's name in the page header)."""
    value = visible(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    value = value.replace("<", "\\3C ").replace(">", "\\3E ")
    return Markup(f'"{value}"')


# --- environments -----------------------------------------------------------------------------


def _loader(layout: str, template_dir: str) -> ChoiceLoader:
    paths = [TEMPLATES / layout] if layout != MODERN else []
    paths.append(TEMPLATES / MODERN)
    loaders = [FileSystemLoader(str(p)) for p in paths]
    if template_dir:
        loaders.insert(0, _UserTemplates(template_dir))
    return ChoiceLoader(loaders)


class _UserTemplates(FileSystemLoader):
    """The user's template folder: a FIFO or device named like a template is refused
    (OSError, worded by `_template_problem`) instead of blocking the export for ever."""

    def get_source(self, environment: Environment, template: str) -> Any:
        from jinja2.loaders import split_template_path

        from namndtui.storage import check_input

        for folder in self.searchpath:
            path = Path(folder, *split_template_path(template))
            if path.exists() or path.is_symlink():
                check_input(path)
                break
        return super().get_source(environment, template)


@lru_cache(maxsize=8)
def environment(kind: str, layout: str = MODERN, template_dir: str = "") -> Environment:
    """The Jinja2 environment for 'md' or 'html' (cached: templates compile once)."""
    env = Environment(
        loader=_loader(layout, template_dir),
        autoescape=kind == "html",
        finalize=_html_finalize if kind == "html" else _md_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )
    env.filters["block"] = html_block if kind == "html" else md_block
    env.filters["lines"] = md_lines
    env.filters["text"] = _html_text
    env.filters["css_string"] = css_string
    env.filters["uri"] = file_uri
    env.globals["SIGNATURE_LINE"] = SIGNATURE_LINE
    return env


def _env(kind: str, settings: ProtokollSettings) -> Environment:
    return environment(kind, settings.layout, settings.template_dir)


def _render(kind: str, settings: ProtokollSettings, name: str, **context: Any) -> str:
    """Template `name` rendered; a template of the user's own (`--template`, template_dir)
    that cannot be used is one located Swedish line (TemplateProblem), not a traceback."""
    try:
        return _env(kind, settings).get_template(name).render(**context)
    except Exception as err:
        if not settings.template_dir:
            raise  # the bundled templates: a fault in the program
        raise TemplateProblem(_template_problem(err, settings.template_dir, name)) from None


def render_document_markdown(doc: Document, settings: ProtokollSettings) -> str:
    name = "utdrag.md.j2" if doc.certification else "protokoll.md.j2"
    return _tidy_markdown(_render("md", settings, name, doc=doc))


def render_document_html(doc: Document, settings: ProtokollSettings) -> str:
    name = "utdrag.html.j2" if doc.certification else "protokoll.html.j2"
    return _render("html", settings, name, doc=doc)


def render_paragraph_md(para: ParagraphDoc, settings: ProtokollSettings) -> str:
    """One § as Markdown, exactly as in protokoll.md (the live view in the TUI)."""
    return _tidy_markdown(_render("md", settings, "paragraph.md.j2", p=para))


class TemplateProblem(UserError):
    """A template of the user's own that cannot be used (exit 2)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, 2)


def _template_problem(err: BaseException, folder: str, name: str) -> str:
    """`FILE:LINE: mallen kan inte användas: why` for an error raised while rendering."""
    import jinja2

    where, line = str(Path(folder) / name), None
    if isinstance(err, jinja2.TemplateSyntaxError):
        where, line = err.filename or where, err.lineno
    else:  # the template's own line, from the traceback Jinja2 rewrites to point at it
        tb = err.__traceback__
        while tb is not None:
            if tb.tb_frame.f_code.co_filename.endswith(".j2"):
                where, line = tb.tb_frame.f_code.co_filename, tb.tb_lineno
            tb = tb.tb_next
    if isinstance(err, jinja2.TemplateSyntaxError):
        why = f"syntaxfel (Jinja2: {err.message})"
    elif isinstance(err, jinja2.UndefinedError):
        why = f"den använder något som inte finns (Jinja2: {err.message})"
    elif isinstance(err, jinja2.TemplateNotFound):
        why = f"den tar med en mall som inte finns: {err.name}"
    elif isinstance(err, RecursionError):
        why = "den tar med sig själv i en slinga"
    elif isinstance(err, UnicodeDecodeError):
        why = "filen är inte UTF-8-text"
    elif isinstance(err, OSError):
        why = os_reason(err)
    else:
        why = f"{type(err).__name__}: {err}"
    located = f"{where}:{line}" if line else where
    return visible(f"{located}: mallen kan inte användas: {why}")
