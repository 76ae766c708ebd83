"""The refusals of record/acts.py a front end may phrase itself (naming the key to use
instead), as RuleError subclasses: the front end matches the class, never the text."""

from __future__ import annotations

from namndtui.record.rules import RuleError
from namndtui.record.state_parts import Motion


class NoProposedDecision(RuleError):
    """The item has no proposed decision to decide by (the decision must be written)."""

    def __init__(self) -> None:
        super().__init__("Ärendet saknar förslag till beslut – skriv beslutet.")


class NotAsProposed(RuleError):
    """Another proposal than the administration's was adopted (`motion`)."""

    def __init__(self, motion: Motion) -> None:
        super().__init__(
            "Nämnden beslutade enligt ett annat förslag än förvaltningens – skriv beslutet."
        )
        self.motion = motion


class NoMotions(RuleError):
    """The act is about a motion and the item has none (in effect)."""

    def __init__(self) -> None:
        super().__init__("Inga yrkanden på ärendet.")


class NothingToVote(RuleError):
    """No question is waiting for a vote and none is left to put (a lone proposal needs
    no proposition; the questions put are decided)."""

    def __init__(self) -> None:
        super().__init__(
            "Ingen fråga att votera om: med ett enda förslag behövs ingen proposition, och "
            "de frågor som ställts är avgjorda."
        )


class NothingToPut(RuleError):
    """No question is left for a proposition (record/questions.py)."""

    def __init__(self) -> None:
        super().__init__(
            "Ingen fråga återstår att ställa proposition på (med ett enda förslag behövs "
            "ingen): b eller e registrerar beslutet."
        )


class CastingVoteNeeded(RuleError):
    """The round is tied and the presiding chair's vote is not known: the chair decides."""

    def __init__(self) -> None:
        super().__init__("Lika röstetal: ordförandens utslagsröst behövs.")


class NotOpen(RuleError):
    """An act of the sitting meeting before it was opened."""

    def __init__(self) -> None:
        super().__init__("Sammanträdet är inte öppnat.")


class NotSubstitute(RuleError):
    """Only an ersättare serves for someone."""

    def __init__(self, member: str) -> None:
        super().__init__(f"{member} är ordinarie ledamot; välj en ersättare.")
        self.member = member


class NoFreeSeat(RuleError):
    """No absent seat holder is without an ersättare."""

    def __init__(self) -> None:
        super().__init__("Ingen ordinarie ledamot är frånvarande utan ersättare.")


class NobodyMayReserve(RuleError):
    """Nobody serving on the item may reserve; `reason` is the one reason (or "")."""

    def __init__(self, reason: str) -> None:
        super().__init__(
            reason
            or "Bara den som deltog i beslutet och yrkade eller röstade emot det kan "
            "reservera sig (KL 4 kap. 27 §)."
        )
        self.reason = reason
