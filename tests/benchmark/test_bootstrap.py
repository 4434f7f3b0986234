"""The cluster bootstrap and the paired comparison."""

from __future__ import annotations

import numpy as np

from indogeoie.benchmark.bootstrap import interval, paired, replicate_weights

RNG = np.random.default_rng(0)
GOLD = RNG.integers(5, 30, size=40)
STRONG = np.stack([(GOLD * 0.8).astype(int), GOLD, GOLD], axis=1)
WEAK = np.stack([(GOLD * 0.6).astype(int), GOLD, GOLD], axis=1)


def test_replicates_depend_only_on_the_number_of_documents_and_the_seed() -> None:
    first = replicate_weights(40, seed=7, replicates=500)
    assert np.array_equal(first, replicate_weights(40, seed=7, replicates=500))
    assert not np.array_equal(first, replicate_weights(40, seed=8, replicates=500))
    assert (first.sum(axis=1) == 40).all()  # each replicate draws as many documents as there are


def test_the_interval_holds_the_observed_score() -> None:
    observed = 2 * STRONG[:, 0].sum() / (2 * GOLD.sum())
    low, high = interval(STRONG, replicate_weights(40), "f1")
    assert low < observed < high and high - low < 0.2


def test_paired_comparison_finds_a_real_gap_and_not_a_null_one() -> None:
    weights = replicate_weights(40)
    gap = paired(STRONG, WEAK, weights, "f1")
    assert gap.difference > 0.15 and gap.low > 0 and gap.significant
    same = paired(STRONG, STRONG, weights, "f1")
    assert same.difference == 0 and same.p_value == 1.0 and not same.significant
