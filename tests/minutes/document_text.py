"""The minutes document as plain indented text, for golden files that pin its wording."""

from __future__ import annotations

from namndtui.minutes.blocks import Block
from namndtui.minutes.document import Document, Field


def _field(f: Field, indent: str) -> list[str]:
    return [f"{indent}{f.label}: " + " | ".join(f.lines)]


def _block(block: Block, indent: str) -> list[str]:
    if block.kind == "table":
        rows = [block.header, *block.rows]
        return [f"{indent}[{block.kind}] " + " | ".join(r) for r in rows]
    if block.items:
        return [f"{indent}[{block.kind}] {item}" for item in block.items]
    return [f"{indent}[{block.kind}] {block.text}"]


def document_text(doc: Document) -> str:
    out = [f"{doc.kind} · {doc.organ} · {doc.date}" + (f" · {doc.draft_mark}" if doc.draft else "")]
    out += [f"sidfot: {' | '.join(doc.footer)}", "ingress:"]
    for f in doc.ingress:
        out += _field(f, "  ")
    out += [f"not: {n}" for n in doc.notes]
    out.append("underskrifter:")
    out += [f"  {s.role}: {s.name}" + (f" ({s.aside})" if s.aside else "") for s in doc.signatures]
    if doc.notice:
        out += [f"{doc.notice.title}: {doc.notice.statement}"]
        for f in doc.notice.fields:
            out += _field(f, "  ")
        out.append(f"  {doc.notice.signature.role}: {doc.notice.signature.name}")
    out.append("innehåll: " + ", ".join(p.label for p in doc.toc))
    for p in doc.paragraphs:
        out.append(f"{p.label} {p.title}" + (f" · {p.dnr}" if p.dnr else ""))
        for block in p.blocks:
            out += _block(block, "  ")
    for block in doc.closing:
        out += _block(block, "")
    if doc.attendance_list:
        out.append("närvaro- och omröstningslista:")
        out += [f"  {r.member} | {r.serving} | {r.numbers}" for r in doc.attendance_list]
    if doc.certification:
        c = doc.certification
        out.append(f"{c.role}: {c.name}, {c.aside}")
    return "\n".join(line.rstrip() for line in out) + "\n"
