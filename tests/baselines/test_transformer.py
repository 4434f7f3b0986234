"""The transformer baseline, offline, with a tiny BERT built here (random weights, own tokenizer)."""

from __future__ import annotations

import json
from pathlib import Path

import torch  # the [transformer] extra is part of make test's environment: a missing install fails here
import transformers

from indogeoie import paths
from indogeoie.benchmark.scoring import sequence_scores
from indogeoie.schema import NER_TAGS, TRIGGER_TAGS


def sentences(split: str) -> list:
    from indogeoie.benchmark.types import Sentence

    ner = next((paths.DATASET / "data" / "ner").glob(f"{split}-*.jsonl"))
    events = next((paths.DATASET / "data" / "events").glob(f"{split}-*.jsonl"))
    out = []
    for n, e in zip(ner.read_text(encoding="utf-8").splitlines(), events.read_text(encoding="utf-8").splitlines(), strict=False):
        row, event_row = json.loads(n), json.loads(e)
        out.append(Sentence(row["id"], row["doc_id"], row["tokens"], row["token_starts"], row["token_ends"],
                            [NER_TAGS[t] for t in row["ner_tags"]],
                            [TRIGGER_TAGS[t] for t in event_row["trigger_tags"]]))
    return out


def tiny_bert(folder: Path, corpus: list) -> Path:
    """A 2-layer BERT with random weights and a WordPiece tokenizer trained on ``corpus``."""
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, trainers

    tokenizer = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tokenizer.normalizer = normalizers.BertNormalizer(lowercase=True)
    tokenizer.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tokenizer.train_from_iterator([" ".join(s.tokens) for s in corpus], trainers.WordPieceTrainer(
        vocab_size=600, special_tokens=["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]))
    fast = transformers.BertTokenizerFast(tokenizer_object=tokenizer, unk_token="[UNK]", pad_token="[PAD]",
                                          cls_token="[CLS]", sep_token="[SEP]", mask_token="[MASK]")
    fast.save_pretrained(folder)
    config = transformers.BertConfig(vocab_size=fast.vocab_size, hidden_size=32, num_hidden_layers=2,
                                     num_attention_heads=2, intermediate_size=64, max_position_embeddings=256)
    torch.manual_seed(0)
    transformers.BertModel(config).save_pretrained(folder)
    return folder


def test_tiny_transformer_trains_predicts_and_scores_offline(tmp_path: Path) -> None:
    from indogeoie_baselines.transformer import Settings, TransformerTagger

    train, test = sentences("train"), sentences("test")
    model_dir = tiny_bert(tmp_path / "tiny-bert", train)
    tagger = TransformerTagger(Settings(model=str(model_dir), epochs=2, batch_size=8, learning_rate=1e-3,
                                        max_steps=12))
    assert tagger.available() == (True, "")
    model = tagger.train(train, seed=13, workdir=tmp_path / "work")
    predicted = tagger.predict(model, test)
    assert [len(p.ner_tags) for p in predicted] == [len(s.tokens) for s in test]
    assert all(t in NER_TAGS for p in predicted for t in p.ner_tags)
    report = sequence_scores([s.ner_tags for s in test], [p.ner_tags for p in predicted], mode="strict")
    assert 0.0 <= report.micro.f1 <= 1.0
    # Training moved the model off its random start: it now predicts O, the majority tag, almost everywhere.
    tags = [t for p in predicted for t in p.ner_tags]
    assert tags.count("O") / len(tags) > 0.5


def test_missing_weights_are_reported_not_downloaded() -> None:
    from indogeoie_baselines.transformer import Settings, TransformerTagger

    available, reason = TransformerTagger(Settings(model="indobenchmark/indobert-base-p1")).available()
    assert not available and "no local weights" in reason
