"""`check-public` on a PDF it cannot read: one Swedish line per file, none of pypdf's
English (its exceptions and its logged warnings)."""

from __future__ import annotations

from namndtui.cli import main

ENGLISH = ("stream", "startxref", "eof", "marker", "invalid", "cannot", "empty", "decrypt")


def test_unreadable_pdfs_are_said_in_swedish(tmp_path, capsys) -> None:
    from pypdf import PdfWriter

    (tmp_path / "skadad.pdf").write_bytes(b"not a pdf")
    (tmp_path / "trasig.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n")
    (tmp_path / "tom.pdf").write_bytes(b"")
    pdf = PdfWriter()  # pypdf, a dependency already (pikepdf is not installed by CI)
    pdf.add_blank_page(width=595, height=842)
    pdf.encrypt(user_password="hemligt", owner_password="x", algorithm="AES-256")
    pdf.write(tmp_path / "lasad.pdf")
    names = [str(tmp_path / n) for n in ("skadad.pdf", "trasig.pdf", "tom.pdf", "lasad.pdf")]
    assert main(["check-public", *names]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        f"{names[0]}: PDF-filen kan inte läsas: den är skadad eller är ingen PDF-fil",
        f"{names[1]}: PDF-filen kan inte läsas: den är skadad eller är ingen PDF-fil",
        f"{names[2]}: PDF-filen kan inte läsas: filen är tom",
        f"{names[3]}: PDF-filen kan inte läsas: den är krypterad (lösenordsskyddad)",
    ]
    said = " ".join(line.split(": ", 1)[1] for line in lines).lower()
    assert not any(word in said for word in ENGLISH), said


def test_a_missing_file_is_said_in_swedish(tmp_path, capsys) -> None:
    """'kan inte läsas: No such file or directory' was printed (qa): the OS's English."""
    import errno

    from namndtui.storage import input_problem

    missing = str(tmp_path / "saknas.md")
    assert main(["check-public", missing]) == 2
    assert capsys.readouterr().err.splitlines() == [f"{missing}: filen finns inte"]
    denied = input_problem(PermissionError(errno.EACCES, "Permission denied"))
    assert denied == "kan inte läsas: åtkomst nekas"
