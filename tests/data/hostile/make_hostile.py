"""Write the hostile corpus of issue 20 into a folder (run at test time, into a tmp folder).

    python tests/data/hostile/make_hostile.py OUT

Every case is one entry of OUT: a plain file (DOCX, PDF, text, junk), or a folder holding
a meeting.toml, a protokoll.toml or a journal.jsonl beside a good meeting.toml. The bombs
are generated here, never committed: the zip bomb is ~1 MB on disk and 300 MB inflated
(the lying bomb declares 1 KB and inflates to 300 MB).
Special paths (a FIFO, a symlink loop, /dev/zero, a folder where a file is expected) are
made by `special_paths`, which the test calls as well.
"""

from __future__ import annotations

import functools
import io
import os
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
GOOD_MEETING = ROOT / "tests" / "data" / "good" / "meeting.toml"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(document: bytes | str, extra: dict[str, bytes] | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("word/document.xml", document)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


def paragraphs(texts: list[str]) -> str:
    body = "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in texts)
    return f'<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>'


def billion_laughs() -> str:
    ents = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    ]
    return (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{"".join(ents)}]>'
        f"<w:document {W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )


@functools.cache
def zip_bomb(size: int = 300 * 1024 * 1024) -> bytes:
    """A DOCX whose document.xml inflates to `size` bytes of one repeated paragraph."""
    buf = io.BytesIO()
    chunk = b"<w:p><w:r><w:t>a</w:t></w:r></w:p>" * 30000
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(f'<?xml version="1.0"?><w:document {W}><w:body>'.encode())
            written = 0
            while written < size:
                f.write(chunk)
                written += len(chunk)
            f.write(b"</w:body></w:document>")
    return buf.getvalue()


def lying_bomb() -> bytes:
    """The zip bomb with its declared sizes rewritten to 1 KB (central and local headers)."""
    data = bytearray(zip_bomb())
    z = zipfile.ZipFile(io.BytesIO(bytes(data)))
    info = z.getinfo("word/document.xml")
    real = info.file_size.to_bytes(8, "little")
    small = (1024).to_bytes(8, "little")
    return bytes(data).replace(real, small)


def bad_deflate() -> bytes:
    data = bytearray(docx(paragraphs(["Ärende " * 200])))
    at = data.find(b"word/document.xml") + len("word/document.xml") + 10
    for i in range(at, min(at + 200, len(data) - 100)):
        data[i] ^= 0x5A
    return bytes(data)


def docx_cases() -> dict[str, Callable[[], bytes]]:
    nested = "<w:p>" * 100_000 + "</w:p>" * 100_000
    return {
        "billion_laughs.docx": lambda: docx(billion_laughs()),
        "nested_xml.docx": lambda: docx(
            f'<?xml version="1.0"?><w:document {W}><w:body>{nested}</w:body></w:document>'
        ),
        "nested_tables.docx": lambda: docx(
            f"<w:document {W}><w:body>{'<w:tbl><w:tr><w:tc>' * 20000}"
            f"{'</w:tc></w:tr></w:tbl>' * 20000}</w:body></w:document>"
        ),
        "bad_deflate.docx": bad_deflate,
        "zip_bomb.docx": zip_bomb,
        "zip_bomb_lying.docx": lying_bomb,
        "many_members.docx": lambda: docx(paragraphs(["a"]), {f"m/{i}": b"" for i in range(5000)}),
        "xinclude.docx": lambda: docx(
            f'<w:document {W} xmlns:xi="http://www.w3.org/2001/XInclude"><w:body>'
            '<xi:include href="file:///etc/passwd" parse="text"/></w:body></w:document>'
        ),
        "quadratic_blowup.docx": lambda: docx(
            f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "{"x" * 50_000}">]>'
            f"<w:document {W}><w:body><w:p><w:r><w:t>{'&a;' * 50_000}</w:t></w:r></w:p>"
            "</w:body></w:document>"
        ),
        "external_entity.docx": lambda: docx(
            f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            f"<w:document {W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
        ),
        "no_document.docx": lambda: docx("", {}).replace(b"word/document.xml", b"word/other.xmlx"),
        "not_xml.docx": lambda: docx(b"\x00\xff" * 1000),
        "empty_body.docx": lambda: docx(f"<w:document {W}><w:body/></w:document>"),
        "truncated.docx": lambda: docx(paragraphs(["§ 1 Ärende"] * 50))[:300],
        "many_paragraphs.docx": lambda: docx(paragraphs(["§ 1 Rubrik"] * 50_000)),
        "control_chars.docx": lambda: docx(paragraphs(["\x1b[31mröd&#0;", "a\u202eb"] * 5)),
        "utf16.docx": lambda: docx(paragraphs(["Ärende 1"]).encode("utf-16")),
        "zip_in_zip.docx": lambda: docx("x", {"word/document.xml.zip": docx("y")}),
        "huge_name.docx": lambda: docx(paragraphs(["a"]), {"x" * 60000: b"1"}),
    }


def pdf(objects: list[bytes], xref: bool = True, trailer_root: int = 1) -> bytes:
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    start = len(out)
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\n" % (len(objects) + 1, trailer_root)
    out += b"startxref\n%d\n%%%%EOF\n" % start
    return bytes(out)


def page_pdf(content: bytes, stream_dict: bytes = b"") -> bytes:
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            b"<< /Length %d %s >>\nstream\n" % (len(content), stream_dict)
            + content
            + b"\nendstream",
        ]
    )


def pdf_cases() -> dict[str, Callable[[], bytes]]:
    text = b"BT /F1 12 Tf 72 720 Td (Paragraf 1 Beslut) Tj ET"
    return {
        "nested_arrays.pdf": lambda: page_pdf(b"[" * 200_000 + b"]" * 200_000),
        "nested_dicts.pdf": lambda: pdf(
            [b"<< /Type /Catalog /A " + b"<< /A " * 50_000 + b">>" * 50_001]
        ),
        "unknown_filter.pdf": lambda: page_pdf(b"\x00garbage" * 100, b"/Filter /NoSuchDecode"),
        "filter_chain.pdf": lambda: page_pdf(
            b"x" * 100, b"/Filter [/FlateDecode /LZWDecode /RunLengthDecode /JBIG2Decode]"
        ),
        "bad_flate.pdf": lambda: page_pdf(b"\x78\x9c" + b"\xff" * 500, b"/Filter /FlateDecode"),
        "truncated.pdf": lambda: page_pdf(text)[:150],
        "wrong_xref.pdf": lambda: page_pdf(text).replace(b"0000000", b"0009999"),
        "no_xref.pdf": lambda: pdf([b"<< /Type /Catalog >>"], xref=False),
        "root_missing.pdf": lambda: pdf([b"<< /Type /Catalog >>"], trailer_root=99),
        "self_kids.pdf": lambda: pdf(
            [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"]
        ),
        "huge_count.pdf": lambda: pdf(
            [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 999999999 >>"]
        ),
        "huge_length.pdf": lambda: page_pdf(text).replace(b"/Length 49", b"/Length 999999999999"),
        "header_only.pdf": lambda: b"%PDF-1.7\n",
        "text_only.pdf": lambda: b"%PDF-1.4\n" + b"Paragraf 1\n" * 1000,
        "no_eof.pdf": lambda: page_pdf(text).replace(b"%%EOF", b""),
        "startxref_huge.pdf": lambda: page_pdf(text).replace(
            b"startxref\n", b"startxref\n9" + b"9" * 5000
        ),
        "encrypted.pdf": lambda: page_pdf(text).replace(
            b"/Root 1 0 R", b"/Root 1 0 R /Encrypt << /V 9 >>"
        ),
        "binary.pdf": lambda: b"%PDF-1.5\n" + bytes(range(256)) * 200,
    }


def tomls() -> dict[str, str | bytes]:
    good = GOOD_MEETING.read_text(encoding="utf-8")
    return {
        "dotted_100000": "a" + ".a" * 100_000 + " = 1\n",
        "deep_arrays": "x = " + "[" * 100_000 + "]" * 100_000 + "\n",
        "deep_tables": "x = " + "{a = " * 20_000 + "1" + "}" * 20_000 + "\n",
        "huge_string": good + f'\nextra = "{"å" * 1_000_000}"\n',
        "huge_title": good.replace('title = "', 'title = "' + "x" * 2_000_000, 1),
        "wrong_types": good.replace("date = ", "date = [1, 2] #", 1),
        "items_string": 'items = "x"\n[meeting]\nbody = 1\n',
        "nul_bytes": good.replace("\n", "\x00\n", 5).encode(),
        "utf16": good.encode("utf-16"),
        "utf16_no_bom": good.encode("utf-16-le"),
        "latin1": good.encode("latin-1", errors="replace"),
        "bom": b"\xef\xbb\xbf" + good.encode(),
        "duplicate_keys": good + '\n[meeting]\nbody = "igen"\n',
        "digits_5000": good.replace("first_paragraph = ", "first_paragraph = " + "9" * 5000 + " #"),
        "negative_big": good.replace("first_paragraph = ", "first_paragraph = -" + "9" * 30 + " #"),
        "float_inf": good.replace("first_paragraph = ", "first_paragraph = inf #"),
        "date_9999": good.replace("date = ", "date = 9999-12-31 #", 1),
        "date_0001": good.replace("date = ", "date = 0001-01-01 #", 1),
        "first_999999": good.replace("first_paragraph = ", "first_paragraph = 999999 #"),
        "control_chars": good.replace('title = "', 'title = "\\u001b[2J\\u0007\\u009b', 1),
        "empty": "",
        "whitespace": " \n\t\n" * 1000,
        "binary": os.urandom(4096),
        "truncated": good[: len(good) // 2],
        "unknown_keys": good
        + "\n[unknown]\nx = 1\n"
        + "".join(f"k{i} = {i}\n" for i in range(10_000)),
        "members_wrong": good + "\n[[members]]\nname = 1\nparty = []\n",
        "items_table": good.replace("[[items]]", "[items]", 1),
        "item_no_id": good + '\n[[items]]\ntitle = "utan id"\n',
        "time_25": good.replace("start = 19:00:00", 'start = "25:61"', 1),
        "date_string": good.replace("date = ", 'date = "31/12/9999" #', 1),
        "crlf": good.replace("\n", "\r\n"),
        "cr_only": good.replace("\n", "\r"),
        "many_items": good
        + "".join(f'\n[[items]]\nid = "x{i}"\ntitle = "T"\n' for i in range(3000)),
    }


def protokolls() -> dict[str, str | bytes]:
    head = 'format = "namndtui/protokoll/1"\n'
    return {
        "empty": "",
        "format_only": head,
        "unknown_version": 'format = "namndtui/protokoll/999"\n',
        "dotted_100000": head + "a" + ".a" * 100_000 + " = 1\n",
        "deep_arrays": head + "x = " + "[" * 50_000 + "]" * 50_000 + "\n",
        "paragraph_5000_digits": head + "[[paragraphs]]\nnumber = " + "9" * 5000 + "\n",
        "paragraph_negative": head + "[[paragraphs]]\nnumber = -1\ntitle = 1\n",
        "wrong_types": head + 'meeting = 1\nparagraphs = "x"\n',
        "date_9999": head + '[meeting]\ndate = 9999-12-31\nbody = "N"\n',
        "nul_bytes": (head + '[meeting]\nbody = "a\x00b"\n').encode(),
        "utf16": (head + '[meeting]\nbody = "N"\n').encode("utf-16"),
        "latin1": (head + '[meeting]\nbody = "Nämnd"\n').encode("latin-1"),
        "huge_string": head + f'[meeting]\nbody = "{"x" * 1_000_000}"\n',
        "binary": os.urandom(2048),
        "first_999999": head + "[meeting]\nfirst_paragraph = 999999\n",
        "paragraphs_5000": head + "[[paragraphs]]\nnumber = 1\n" * 5_000,
    }


def journals() -> dict[str, str | bytes]:
    head = '{"format":"namndtui/journal/1","meeting":"Testby nämnd 2007-10-23"}\n'
    line = '{"seq":1,"time":"2007-10-23T19:00:01","event":{"type":"meeting_opened","at":"19:00"},"sum":"0"}\n'
    return {
        "empty": "",
        "header_only": head,
        "no_newline": head.rstrip("\n"),
        "deep_json": head + "[" * 100_000 + "]" * 100_000 + "\n",
        "huge_seq": head + line.replace('"seq":1', '"seq":' + "9" * 5000),
        "huge_line": head + '{"seq":1,"x":"' + "a" * 5_000_000 + '"}\n',
        "nul_bytes": (head + "\x00" * 1000 + "\n").encode(),
        "utf16": (head + line).encode("utf-16"),
        "latin1": (head.replace("ä", "\xe4") + line).encode("latin-1"),
        "blank_lines": head + "\n" * 20_000,
        "many_bad_lines": head + "x\n" * 20_000,
        "wrong_types": head + '{"seq":"1","time":2,"event":[],"sum":null}\n',
        "nan": head + '{"seq":NaN,"time":Infinity}\n',
        "binary": os.urandom(4096),
        "crlf": (head + line).replace("\n", "\r\n"),
        "bom": "\ufeff" + head + line,
        "seq_gap": head + line + line.replace('"seq":1', '"seq":99'),
        "header_wrong_meeting": head.replace("Testby", "Annan") + line,
    }


def text_cases() -> dict[str, Callable[[], bytes]]:
    return {
        "control_chars.txt": lambda: "".join(chr(c) for c in range(32) if c != 10).encode() * 200,
        "ansi.txt": lambda: ("\x1b[2J\x1b]0;titel\x07\x1b[31m§ 1 Ärende\x1b[0m\n" * 500).encode(),
        "hyphens.txt": lambda: ("Kommun-\n" * 20_000).encode(),
        "long_line_5mb.txt": lambda: ("ord " * 1_310_720).encode(),
        "hyphen_long_line.txt": lambda: ("a-" * 500_000).encode(),
        "paragraph_signs.txt": lambda: ("§" * 100_000 + "\n" + "§ 1\n" * 20_000).encode(),
        "digits.txt": lambda: ("§ " + "9" * 5000 + " Rubrik\n").encode(),
        "nul.txt": lambda: b"\x00" * 100_000,
        "utf16.txt": lambda: "§ 1 Ärende\nFörslag till beslut\n".encode("utf-16"),
        "utf16_no_bom.txt": lambda: "§ 1 Ärende\n".encode("utf-16-le") * 100,
        "latin1.txt": lambda: "§ 1 Ärende för nämnden\n".encode("latin-1") * 100,
        "bom_only.txt": lambda: b"\xef\xbb\xbf",
        "invalid_utf8.txt": lambda: b"\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc" * 1000,
        "surrogates.txt": lambda: b"\xed\xa0\x80\xed\xbf\xbf" * 1000,
        "bidi.txt": lambda: ("\u202e\u2066§ 1 Ärende\u2069\n" * 1000).encode(),
        "combining.txt": lambda: ("a" + "\u0301" * 100_000 + "\n").encode(),
        "cr_only.txt": lambda: ("§ 1 Ärende\r" * 3_000).encode(),
        "many_lines.txt": lambda: ("Ärende\n" * 50_000).encode(),
        "agenda_many_items.txt": lambda: "".join(
            f"{i}. Ärende {i}\n" for i in range(5_000)
        ).encode(),
        "toml_like.txt": lambda: 'a = "' + "x" * 10_000 + '"\n[[items]]\n',
        "html.txt": lambda: b"<html><script>alert(1)</script>" * 1000,
        "empty.txt": lambda: b"",
        "whitespace.txt": lambda: b" \t\n" * 10_000,
    }


def junk_cases() -> dict[str, Callable[[], bytes]]:
    return {
        "random.bin": lambda: os.urandom(65536),
        "zeros.bin": lambda: bytes(65536),
        "ff.bin": lambda: b"\xff" * 65536,
        "empty": lambda: b"",
        "empty.docx": lambda: b"",
        "empty.pdf": lambda: b"",
        "random.docx": lambda: os.urandom(8192),
        "random.pdf": lambda: os.urandom(8192),
        "zip_empty.docx": lambda: zipfile_bytes({}),
        "zip_junk.docx": lambda: zipfile_bytes({"a": os.urandom(1000)}),
        "pdf_named.docx": lambda: page_pdf(b"x"),
        "docx_named.pdf": lambda: docx(paragraphs(["x"])),
        "elf.txt": lambda: Path(sys.executable).read_bytes()[:65536],
        "gzip.txt": lambda: __import__("gzip").compress(b"x" * 100_000),
    }


def zipfile_bytes(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    return buf.getvalue()


def _bytes(data: str | bytes) -> bytes:
    return data.encode() if isinstance(data, str) else data


def write_corpus(out: Path) -> list[Path]:
    """Write every case under `out`; return the paths to hand to the commands."""
    out.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for cases in (docx_cases(), pdf_cases(), text_cases(), junk_cases()):
        for name, make in cases.items():
            (out / name).write_bytes(_bytes(make()))
            paths.append(out / name)
    good = GOOD_MEETING.read_bytes()
    for kind, file_name, cases in (
        ("meeting", "meeting.toml", tomls()),
        ("protokoll", "protokoll.toml", protokolls()),
        ("journal", "journal.jsonl", journals()),
    ):
        for name, data in cases.items():
            folder = out / f"{kind}-{name}"
            folder.mkdir()
            if kind != "meeting":
                (folder / "meeting.toml").write_bytes(good)
            (folder / file_name).write_bytes(_bytes(data))
            paths.append(folder if kind == "journal" else folder / file_name)
    return paths


def special_paths(out: Path) -> list[Path]:
    """A FIFO, a symlink loop, /dev/zero, folders where a file is expected."""
    special = out / "special"
    special.mkdir()
    fifo = special / "fifo.toml"
    os.mkfifo(fifo)
    loop = special / "loop.toml"
    loop.symlink_to(special / "loop2.toml")
    (special / "loop2.toml").symlink_to(loop)
    folder = special / "folder.toml"
    folder.mkdir()
    meeting_folder = special / "meeting-is-folder"
    (meeting_folder / "meeting.toml").mkdir(parents=True)
    dangling = special / "dangling.pdf"
    dangling.symlink_to(special / "nowhere.pdf")
    return [fifo, loop, folder, meeting_folder, dangling, Path("/dev/zero")]


if __name__ == "__main__":
    target = Path(sys.argv[1])
    made = write_corpus(target) + special_paths(target)
    print(f"{len(made)} fall i {target}")
