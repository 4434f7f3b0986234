"""Make baselines/data/indosum_word_clusters.tsv: word clusters learned from unlabeled Indonesian news.

The source is the IndoSum development folds (dev.01-05.jsonl, CC BY-SA 4.0; see
annotations/sources/indosum/PROVENANCE.md). Every record that was a candidate
for the corpus (annotations/sources/indosum/selection.tsv) is left out, so no
annotated article, and no test article, shapes the clusters.

Method, deterministic: lower-cased tokens; the 20,000 most frequent words
(at least 5 occurrences) are described by their positive pointwise mutual
information with the 2,000 most frequent words in a window of two tokens on
each side; a truncated SVD (100 dimensions, fixed seed) reduces that matrix,
and k-means (fixed seed) groups the normalised vectors at two granularities,
64 and 512 clusters. The file lists each word with its two cluster ids.

    python scripts/make_word_clusters.py /path/to/indosum/folder
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "baselines" / "data" / "indosum_word_clusters.tsv"
FILES = [f"dev.0{i}.jsonl" for i in range(1, 6)]
VOCABULARY, CONTEXTS, WINDOW, DIMENSIONS, SEED = 20_000, 2_000, 2, 100, 20261122
GRANULARITIES = (64, 512)


def corpus_record_ids() -> set[str]:
    with (ROOT / "annotations" / "sources" / "indosum" / "selection.tsv").open(encoding="utf-8") as handle:
        return {row["indosum_id"] for row in csv.DictReader(handle, delimiter="\t")}


def sentences(folder: Path, skip: set[str]) -> list[list[str]]:
    found = []
    for name in FILES:
        with (folder / name).open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                if record["id"] in skip:
                    continue
                for paragraph in record["paragraphs"]:
                    found += [[w.lower() for w in sentence if w.strip()] for sentence in paragraph]
    return found


def clusters(texts: list[list[str]]) -> list[tuple[str, int, int, int]]:
    counts = Counter(w for s in texts for w in s)
    words = [w for w, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if n >= 5][:VOCABULARY]
    index = {w: i for i, w in enumerate(words)}
    contexts = {w: i for i, w in enumerate(words[:CONTEXTS])}
    rows, cols = [], []
    for sentence in texts:
        for i, word in enumerate(sentence):
            if word not in index:
                continue
            for j in range(max(0, i - WINDOW), min(len(sentence), i + WINDOW + 1)):
                if j != i and sentence[j] in contexts:
                    rows.append(index[word])
                    cols.append(contexts[sentence[j]])
    cooc = sparse.coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(words), len(contexts))).tocsr()
    total = cooc.sum()
    row_sum = np.asarray(cooc.sum(axis=1)).ravel()
    col_sum = np.asarray(cooc.sum(axis=0)).ravel()
    cooc = cooc.tocoo()
    pmi = np.log(cooc.data * total / (row_sum[cooc.row] * col_sum[cooc.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (cooc.row[keep], cooc.col[keep])), shape=cooc.shape)
    vectors = TruncatedSVD(n_components=DIMENSIONS, algorithm="arpack", random_state=SEED).fit_transform(ppmi)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    labels = [KMeans(n_clusters=k, n_init=4, random_state=SEED).fit_predict(vectors) for k in GRANULARITIES]
    return [(w, counts[w], int(labels[0][i]), int(labels[1][i])) for i, w in enumerate(words)]


def main(folder: Path) -> None:
    texts = sentences(folder, corpus_record_ids())
    table = clusters(texts)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    lines = ["word\tcount\tc64\tc512"] + [f"{w}\t{n}\t{a}\t{b}" for w, n, a, b in table]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(texts)} sentences, {sum(len(s) for s in texts)} tokens; wrote {len(table)} words to {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
