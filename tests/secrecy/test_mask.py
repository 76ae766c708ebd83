"""The masker: personnummer (valid and invalid checksums alike), telephone numbers,
e-mail addresses and listed names are masked; Dnr forms, dates and amounts are not."""

from __future__ import annotations

import pytest

from namndtui.secrecy.mask import PERSONNUMMER, Masker, mask_contacts, mask_personnummer


def luhn_ok(digits: str) -> bool:
    """The personnummer checksum over the last ten digits."""
    ten = digits[-10:]
    total = 0
    for n, c in enumerate(ten):
        d = int(c) * (2 if n % 2 == 0 else 1)
        total += d // 10 + d % 10
    return total % 10 == 0


PERSONNUMMER_CASES = [
    # (text, checksum valid)
    ("811218-9876", True),  # 10 digits, dash
    ("8112189876", True),  # 10 digits, no dash
    ("811218+9876", True),  # 100 years or older
    ("19811218-9876", True),  # 12 digits, dash
    ("198112189876", True),  # 12 digits, no dash
    ("850101-1236", True),
    ("850101-1234", False),  # wrong check digit: masked all the same
    ("8501011234", False),
    ("19850101-1234", False),
    ("850161-1233", True),  # samordningsnummer (day 01 + 60)
    ("19850191-1234", False),  # samordningsnummer, day 31 + 60, wrong check digit
    ("121212-1212", True),
    ("20121212-1212", True),
    ("850101 1236", True),  # a space for the dash
]


@pytest.mark.parametrize(("text", "valid"), PERSONNUMMER_CASES)
def test_personnummer_masked_with_any_checksum(text: str, valid: bool) -> None:
    digits = "".join(c for c in text if c.isdigit())
    assert luhn_ok(digits) is valid  # the table says what it claims
    for sentence in (text, f"Sökande: {text}.", f"({text})", f"pnr {text}, bor i Lillby"):
        masked = mask_personnummer(sentence)
        assert "XXXXXX-XXXX" in masked, sentence
        assert not any(c.isdigit() for c in masked), sentence


NOT_PERSONNUMMER = [
    "1.5.3-219-2012",  # Dnr forms
    "2018/KS 0290 10",
    "Dnr SN 2026/0412",
    "KS 2019/1234-56",
    "KS-2018-000123",
    "2026-12-01",  # dates and times
    "20261201",
    "kl. 18.30–21.15",
    "1 250 000 kronor",  # amounts
    "1250000 kr",
    "12 345 678,50 kr",
    "3,5 mnkr",
    "556677-8899",  # an organisationsnummer (month 66)
    "212000-1142",  # a municipality's organisationsnummer
    "§§ 140–142",
    "123456789012345",  # a long reference number
    "ref 1.5.3-850101-1234-9",  # glued into a longer code
]


@pytest.mark.parametrize("text", NOT_PERSONNUMMER)
def test_no_false_positives(text: str) -> None:
    assert PERSONNUMMER.search(text) is None
    assert Masker().mask(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "070-123 45 67",
        "070-1234567",
        "0701234567",
        "08-508 123 45",
        "0510-123 45",
        "031-12 34 56",
        "+46 70 123 45 67",
        "+46 (0)8 508 123 45",
        "0046 70 123 45 67",
    ],
)
def test_telephone_numbers_masked(text: str) -> None:
    masked = mask_contacts(mask_personnummer(f"Ring {text} efter kl. 9."))
    assert masked == "Ring XX efter kl. 9." or "XXXXXX-XXXX" in masked
    assert not any(c.isdigit() for c in masked.replace("kl. 9", ""))


@pytest.mark.parametrize(
    "text", ["anna.andersson@example.se", "a+b@lillby.kommun.se", "Skriv till x_y@e-post.nu."]
)
def test_email_masked(text: str) -> None:
    assert "@" not in mask_contacts(text)


NAMES = ["Anna Andersson", "Lars", "Eva-Lena Öst"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anna Andersson har ansökt.", "XX har ansökt."),
        ("anna andersson", "XX"),
        ("ANNA ANDERSSON", "XX"),
        ("Anna\nAndersson", "XX"),  # a line break between the words
        ("Anna  Anderssons ansökan", "XX ansökan"),  # genitive
        ("Anna Andersson's", "XX"),
        ("Lars bil, Lars' bil, Lars:s bil", "XX bil, XX bil, XX bil"),
        ("Larsson och Larsa", "Larsson och Larsa"),  # other words are left alone
        ("Eva-Lena Östs yttrande", "XX yttrande"),
        ("Anna Ek (S)", "Anna Ek (S)"),  # only the whole listed name
    ],
)
def test_listed_names_masked(text: str, expected: str) -> None:
    assert Masker(NAMES).mask(text) == expected


def test_no_names_listed_masks_no_words() -> None:
    assert Masker([]).mask("Anna Andersson") == "Anna Andersson"
    assert Masker(["  "]).mask("Anna") == "Anna"
