"""Each metric against counts worked out by hand, the way seqeval is tested against conlleval."""

from __future__ import annotations

import numpy as np
import pytest
from seqeval.metrics import f1_score
from seqeval.scheme import IOB2

from indogeoie.benchmark.metrics import Event, Events, entity_counts, event_counts, headline, prf

GOLD = Events({"d1": (
    Event("ASSAULT", 10, 19, "asserted", (("Actor", 0, 2), ("Recipient", 20, 24))),
    Event("CONSULT", 40, 47, "future", (("Actor", 30, 36),)),
), "d2": (Event("PROTEST", 5, 12, "asserted", ()),)})
PRED = Events({"d1": (
    Event("ASSAULT", 10, 19, "negated", (("Actor", 0, 2), ("Actor", 20, 24))),  # modality and one role wrong
    Event("REQUEST", 40, 47, "future", (("Actor", 30, 36),)),  # type wrong, span right
    Event("AID", 50, 55, "asserted", ()),  # spurious
), "d2": ()})


def test_event_metrics_by_hand() -> None:
    counts = event_counts(GOLD, PRED, ["d1", "d2"])
    # Trig-I: both d1 spans right (2 of 3 gold, 2 of 3 predicted); d2 missed.
    assert counts["trig_i"].tolist() == [[2, 2, 3], [0, 1, 0]]
    # Trig-C: only ASSAULT has the right type.
    assert counts["trig_c"].tolist() == [[1, 2, 3], [0, 1, 0]]
    # Arg-I (event type, argument span): ASSAULT 0-2 and 20-24 right; CONSULT 30-36 is REQUEST in the prediction.
    assert counts["arg_i"].tolist() == [[2, 3, 3], [0, 0, 0]]
    # Arg-C adds the role: only ASSAULT Actor 0-2.
    assert counts["arg_c"].tolist() == [[1, 3, 3], [0, 0, 0]]
    assert counts["arg_c_plus"].tolist() == [[1, 3, 3], [0, 0, 0]]
    # Modality over span-matched triggers: ASSAULT differs, the CONSULT/REQUEST span agrees.
    assert counts["modality"].tolist() == [[1, 2, 2], [0, 0, 0]]
    assert headline("trig_i", counts["trig_i"]) == pytest.approx(2 * 2 / (3 + 3))
    assert headline("arg_c", counts["arg_c"]) == pytest.approx(2 * 1 / (3 + 3))
    assert headline("modality", counts["modality"]) == pytest.approx(0.5)


def test_arg_c_plus_needs_the_trigger_span_and_arg_i_does_not() -> None:
    moved = Events({"d1": (Event("ASSAULT", 11, 19, "asserted", (("Actor", 0, 2),)),)})
    counts = event_counts(Events({"d1": (Event("ASSAULT", 10, 19, "asserted", (("Actor", 0, 2),)),)}), moved, ["d1"])
    assert counts["arg_i"][0, 0] == 1 and counts["arg_c"][0, 0] == 1 and counts["arg_c_plus"][0, 0] == 0


def test_entity_counts_agree_with_plain_seqeval_in_both_modes() -> None:
    gold = {"a": [["B-PER", "I-PER", "O", "B-GPE"]], "b": [["B-ORG", "O"], ["O", "B-LOC"]]}
    pred = {"a": [["B-PER", "I-PER", "O", "I-GPE"]], "b": [["B-ORG", "O"], ["B-LOC", "I-LOC"]]}
    counts = entity_counts(gold, pred, ["a", "b"])
    flat_gold = [s for d in ("a", "b") for s in gold[d]]
    flat_pred = [s for d in ("a", "b") for s in pred[d]]
    assert prf(counts["ent_strict"]).f1 == pytest.approx(f1_score(flat_gold, flat_pred, mode="strict", scheme=IOB2))
    assert prf(counts["ent_default"]).f1 == pytest.approx(f1_score(flat_gold, flat_pred))
    # By hand: strict drops the invalid I-GPE chunk; default reads it as a GPE chunk and matches.
    assert counts["ent_strict"].sum(axis=0).tolist() == [2, 4, 3]
    assert counts["ent_default"].sum(axis=0).tolist() == [3, 4, 4]


def test_nothing_predicted_and_nothing_gold() -> None:
    empty = event_counts(Events({}), Events({}), ["d"])
    assert headline("trig_c", empty["trig_c"]) == 1.0 and headline("modality", empty["modality"]) == 0.0
    assert np.array_equal(empty["arg_c"], np.zeros((1, 3), dtype=np.int64))
