"""The argument baseline: a classifier of (trigger, entity) pairs of one sentence, learned from train.

Every entity of a trigger's sentence is a candidate. A multinomial logistic
regression (scikit-learn) gives each pair a role or none, from: the event
type and entity type (and the two together), which side of the trigger the
entity is on and how many tokens away, whether it is the nearest entity of
its type on that side, how many entities lie between, the word before the
entity and the function words between the two (``oleh``, ``di``, ``ke``,
``terhadap``, ...). A role is kept only for an entity type the schema allows
for it. The inverse regularisation strength is chosen on validation from
:data:`C_GRID`.

Modality comes from :mod:`indogeoie_baselines.modality`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from indogeoie_baselines.modality import modality_of

from indogeoie.benchmark.metrics import Event
from indogeoie.schema import ROLE_FILLERS

Span = tuple[int, int, str]
NONE = "NONE"
C_GRID = (0.1, 1.0, 10.0)
FUNCTION_WORDS = frozenset({"oleh", "di", "ke", "dari", "terhadap", "kepada", "dengan", "pada", "untuk", "antara",
                            "bersama", "dan", "yang", "atas", "dalam", "melawan", "sejak", "hingga"})


@dataclass(frozen=True)
class DocumentMentions:
    """One document's text, token offsets, sentence starts, and its entity and trigger spans."""

    doc_id: str
    text: str
    token_starts: list[int]
    token_ends: list[int]
    sentence_starts: list[int]
    entities: list[Span]
    triggers: list[Span]


def _index(offsets: list[int], value: int) -> int:
    return max(bisect_right(offsets, value) - 1, 0)


def pair_features(doc: DocumentMentions, trigger: Span, entity: Span, same_sentence: list[Span]) -> dict[str, Any]:
    """Features of one (trigger, entity) pair."""
    t_first, t_last = _index(doc.token_starts, trigger[0]), _index(doc.token_starts, trigger[1] - 1)
    e_first, e_last = _index(doc.token_starts, entity[0]), _index(doc.token_starts, entity[1] - 1)
    before = entity[1] <= trigger[0]
    distance = t_first - e_last if before else e_first - t_last
    bucket = str(sum(distance > limit for limit in (1, 3, 6, 12)))  # 0: adjacent ... 4: more than 12 tokens
    lo, hi = (e_last + 1, t_first) if before else (t_last + 1, e_first)
    between = [doc.text[doc.token_starts[i]:doc.token_ends[i]].lower() for i in range(lo, hi)]
    side = [e for e in same_sentence if e[2] == entity[2] and ((e[1] <= trigger[0]) == before)]
    nearest = min(side, key=lambda e: abs(e[0] - trigger[0])) == entity
    features: dict[str, Any] = {
        "event": trigger[2], "entity": entity[2], "pair": f"{trigger[2]}|{entity[2]}",
        "side": "before" if before else "after", "side_entity": f"{'b' if before else 'a'}|{entity[2]}",
        "distance": bucket, "nearest_of_type": nearest, "nearest_pair": f"{nearest}|{entity[2]}|{before}",
        "entities_between": min(sum(1 for e in same_sentence if lo <= _index(doc.token_starts, e[0]) < hi), 3),
        "previous_word": doc.text[doc.token_starts[e_first - 1]:doc.token_ends[e_first - 1]].lower()
        if e_first > 0 else "<s>",
    }
    for word in FUNCTION_WORDS.intersection(between):
        features[f"between={word}"] = True
    return features


def candidates(doc: DocumentMentions) -> Iterable[tuple[Span, Span, dict[str, Any]]]:
    """Every (trigger, entity, features) of the document's sentences."""
    by_sentence: dict[int, list[Span]] = {}
    for entity in doc.entities:
        by_sentence.setdefault(_index(doc.sentence_starts, entity[0]), []).append(entity)
    for trigger in doc.triggers:
        same = by_sentence.get(_index(doc.sentence_starts, trigger[0]), [])
        for entity in same:
            yield trigger, entity, pair_features(doc, trigger, entity, same)


class ArgumentModel:
    """Roles for the (trigger, entity) pairs of a document, and modality for its triggers."""

    def __init__(self) -> None:
        self.vectorizer: Any = None
        self.classifier: Any = None
        self.selection: dict[str, Any] = {}

    def settings(self) -> dict[str, Any]:
        return {"classifier": "multinomial logistic regression (lbfgs)", "C_grid": list(C_GRID),
                "selected_on_validation": self.selection, "modality": "cue-word rules (indogeoie_baselines.modality)"}

    @staticmethod
    def _examples(docs: list[DocumentMentions], gold: dict[str, tuple[Event, ...]]) -> tuple[list[Any], list[str]]:
        features, labels = [], []
        for doc in docs:
            roles = {((e.start, e.end), (a, b)): r for e in gold.get(doc.doc_id, ()) for r, a, b in e.arguments}
            for trigger, entity, row in candidates(doc):
                features.append(row)
                labels.append(roles.get(((trigger[0], trigger[1]), (entity[0], entity[1])), NONE))
        return features, labels

    def train(self, train: list[DocumentMentions], gold: dict[str, tuple[Event, ...]],
              validation: list[DocumentMentions] | None = None) -> ArgumentModel:
        """Learn from gold mentions; choose C on validation (Arg-C F1 with gold mentions)."""
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression

        features, labels = self._examples(train, gold)
        self.vectorizer = DictVectorizer(sort=True)
        matrix = self.vectorizer.fit_transform(features)
        best = None
        for c in C_GRID if validation else C_GRID[1:2]:
            classifier = LogisticRegression(C=c, max_iter=2000).fit(matrix, labels)
            self.classifier = classifier
            score = _arg_c_f1(self.predict(validation), gold) if validation else 0.0
            self.selection[f"C={c}"] = round(score, 4)
            if best is None or score > best[0]:
                best = (score, c, classifier)
        assert best is not None
        self.classifier = best[2]
        self.selection["chosen"] = best[1]
        return self

    def predict(self, docs: list[DocumentMentions]) -> dict[str, tuple[Event, ...]]:
        """Events (trigger, type, modality, arguments) of each document."""
        result = {}
        for doc in docs:
            pairs = list(candidates(doc))
            roles: dict[Span, list[tuple[str, int, int]]] = {t: [] for t in doc.triggers}
            if pairs:
                labels = self.classifier.predict(self.vectorizer.transform([p[2] for p in pairs]))
                for (trigger, entity, _), role in zip(pairs, labels, strict=True):
                    if role != NONE and entity[2] in ROLE_FILLERS[role]:
                        roles[trigger].append((str(role), entity[0], entity[1]))
            events = [Event(t[2], t[0], t[1],
                            modality_of(doc.text, doc.token_starts, doc.token_ends, doc.sentence_starts, t),
                            tuple(sorted(roles[t]))) for t in doc.triggers]
            result[doc.doc_id] = tuple(sorted(events, key=lambda e: (e.start, e.end, e.type)))
        return result


def _arg_c_f1(predicted: dict[str, tuple[Event, ...]], gold: dict[str, tuple[Event, ...]]) -> float:
    items = [({(e.type, r, a, b) for e in gold.get(d, ()) for r, a, b in e.arguments},
              {(e.type, r, a, b) for e in evs for r, a, b in e.arguments}) for d, evs in predicted.items()]
    tp = sum(len(g & p) for g, p in items)
    total = sum(len(g) + len(p) for g, p in items)
    return 2 * tp / total if total else 0.0
