"""The argument baseline: roles for a trigger's entities by type and distance rules.

For each trigger, among the entity mentions of its sentence:

* Actor: the nearest PER, ORG, NORP or GPE before the trigger;
* Recipient: the nearest PER, ORG, NORP, GPE or FAC after the trigger;
* Location: the nearest GPE, LOC or FAC that follows "di", "ke" or "dari";
* Time: the nearest DATE;
* Instrument: the nearest WEAPON.

An entity fills at most one role of a trigger, taken in the order above.
"""

from __future__ import annotations

from dataclasses import dataclass

from indogeoie.schema import ROLE_FILLERS
from indogeoie.text.tokens import tokenize

LOCATIVE = {"di", "ke", "dari"}


@dataclass(frozen=True)
class Mention:
    """An entity or trigger mention: character span and type."""

    start: int
    end: int
    type: str


def predict_arguments(text: str, triggers: list[Mention], entities: list[Mention]) -> dict[Mention, list[tuple[str, Mention]]]:
    """Roles for every trigger of one document.

    Args:
        text: the document text.
        triggers: trigger mentions (gold or predicted).
        entities: entity mentions (gold or predicted).

    Returns:
        for each trigger, (role, entity) pairs.
    """
    tokenized = tokenize(text)
    sentence_of = tokenized.sentence_of
    previous_word = {}
    for i, token in enumerate(tokenized.tokens):
        previous_word[token.start] = tokenized.tokens[i - 1].text.lower() if i else ""
    result: dict[Mention, list[tuple[str, Mention]]] = {}
    for trigger in triggers:
        sentence = sentence_of(trigger.start)
        near = [e for e in entities if sentence_of(e.start) == sentence]
        before = sorted((e for e in near if e.end <= trigger.start), key=lambda e: trigger.start - e.end)
        after = sorted((e for e in near if e.start >= trigger.end), key=lambda e: e.start - trigger.end)
        nearest = sorted(near, key=lambda e: min(abs(e.start - trigger.end), abs(trigger.start - e.end)))
        used: set[Mention] = set()
        roles: list[tuple[str, Mention]] = []

        def take(role: str, candidates: list[Mention]) -> None:
            for entity in candidates:
                if entity not in used and entity.type in ROLE_FILLERS[role]:
                    roles.append((role, entity))
                    used.add(entity)
                    return

        take("Actor", before)
        take("Recipient", after)
        take("Location", [e for e in nearest if previous_word.get(e.start) in LOCATIVE])
        take("Time", nearest)
        take("Instrument", nearest)
        result[trigger] = roles
    return result
