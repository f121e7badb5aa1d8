"""A topic read from a guest's text: what the reader returns, and evidence and topics use."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TopicGuess:
    """One topic read from a clause of a guest's text, with how sure the reader is."""

    topic: str
    confidence: float
    side: str  # "need" | "offer" (may differ from the box it was typed in)
    text: str  # the clause it was read from
