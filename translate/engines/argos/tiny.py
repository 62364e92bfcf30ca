"""Build a tiny, structurally real Argos Translate package for tests and demos.

No model weights may be downloaded on the build machines, so the tests make
their own package: a random CTranslate2 transformer built from
``ctranslate2.specs`` (no torch), a SentencePiece model trained on the seeds,
and the ``metadata.json`` Argos expects, zipped with one top folder exactly as
``.argosmodel`` files are.  Its English is nonsense; the loading path that runs
it is the one a real model goes through.
"""

from __future__ import annotations

import argparse
import io
import json
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from foundation.files import write_bytes_atomic

PACKAGE_FOLDER = "translate-zh_en-tiny"

# Enough English for the target side of the shared vocabulary to hold words.
_ENGLISH_LINES = [
    "The subdistrict Party working committee and the subdistrict office",
    "carried out the decisions of the district Party committee and the district government.",
    "We will ensure stability on six fronts and security in six areas.",
    "The campaign against organized crime and local criminal gangs continued.",
    "Old residential communities were renovated and the environment improved.",
    "Grid-based management, digital urban management and the 12345 hotline.",
    "Air, water and soil pollution prevention and control.",
    "Economic growth, employment, people's wellbeing and public services.",
]


def _seed_lines(seeds_dir: Path) -> list[str]:
    lines: list[str] = []
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8-sig")
        lines += [line.strip() for line in text.splitlines() if line.strip()]
    return lines


def train_sentencepiece(lines: list[str], vocab_size: int = 1200) -> bytes:
    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=model,
        vocab_size=vocab_size,
        hard_vocab_limit=False,  # the seeds are small: take what they give
        character_coverage=1.0,
        model_type="unigram",
        minloglevel=2,
    )
    return model.getvalue()


def _is_word(piece: str) -> bool:
    word = piece.lstrip("▁")
    return len(word) > 1 and word.isascii() and word.isalpha()


@dataclass(frozen=True)
class ModelSize:
    layers: int  # encoder and decoder each
    heads: int
    d_model: int
    ffn: int
    vocabulary: int  # at least the tokenizer's pieces; the rest are filler pieces
    quantization: str | None
    end_bias: float  # added to </s>: how readily the random decoder ends a sentence


TINY = ModelSize(layers=2, heads=4, d_model=64, ffn=128, vocabulary=0, quantization=None, end_bias=6.0)
# The size of Argos' real zh→en model (78 MB as int8).  Random weights this
# large never choose </s>: every sentence runs to its decoding cap, the case
# the cap exists for.
TRANSFORMER_BASE = ModelSize(
    layers=6, heads=8, d_model=512, ffn=2048, vocabulary=65_000, quantization="int8", end_bias=0.0
)


def _random_transformer(vocabulary: list[str], seed: int, size: ModelSize):
    """A transformer spec of ``size`` whose every weight is set, randomly."""
    from ctranslate2.specs import TransformerSpec
    from ctranslate2.specs.model_spec import LayerSpec, visit_spec

    spec = TransformerSpec.from_config(num_layers=size.layers, num_heads=size.heads)
    rng = np.random.default_rng(seed)
    vocab, d_model, ffn = len(vocabulary), size.d_model, size.ffn

    def shape_of(scope: str) -> tuple[int, ...]:
        parts = scope.split("/")
        name, parent = parts[-1], parts[-2] if len(parts) > 1 else ""
        if "embeddings" in parent or parent == "projection":
            return (vocab, d_model) if name == "weight" else (vocab,)
        if "layer_norm" in parent:
            return (d_model,)
        layer = parts[-3] if len(parts) > 2 else ""
        out_dim = {
            ("self_attention", "linear_0"): 3 * d_model,
            ("attention", "linear_1"): 2 * d_model,
            ("ffn", "linear_0"): ffn,
        }.get((layer, parent), d_model)
        in_dim = ffn if (layer, parent) == ("ffn", "linear_1") else d_model
        return (out_dim, in_dim) if name == "weight" else (out_dim,)

    def fill(layer: LayerSpec, scope: str, value) -> None:
        if value is not None:
            return
        name = scope.split("/")[-1]
        shape = shape_of(scope)
        if name == "gamma":
            array = np.ones(shape, dtype=np.float32)
        elif name == "beta":
            array = np.zeros(shape, dtype=np.float32)
        else:
            array = rng.normal(0, 0.2, size=shape).astype(np.float32)
        setattr(layer, name, array)

    visit_spec(spec, fill)
    # One embedding matrix for source, target and output projection, as Argos'
    # models have (shared vocabulary): CTranslate2 saves it once.
    shared = spec.encoder.embeddings[0].weight
    spec.decoder.embeddings.weight = spec.decoder.projection.weight = shared
    # A random decoder rarely says </s>: bias it so sentences end, and towards
    # Latin pieces so that the English column at least looks like English.
    bias = np.array([3.0 if _is_word(piece) else 0.0 for piece in vocabulary])
    bias[vocabulary.index("</s>")] = size.end_bias
    # A trained decoder never says the start or the unknown token; a random one would, and a translation of
    # nothing but those decodes to "" (which segment that hit changed with the CPU's arithmetic).
    for never in ("<s>", "<unk>"):
        if never in vocabulary:
            bias[vocabulary.index(never)] = -1e4
    spec.decoder.projection.bias = bias.astype(np.float32)
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    return spec


def build_tiny_package(seeds_dir: Path, out_file: Path, seed: int = 7, size: ModelSize = TINY) -> Path:
    """Write a random zh→en ``.argosmodel`` of ``size`` (tiny unless asked) to ``out_file``; return its path."""
    import sentencepiece as spm

    lines = _seed_lines(seeds_dir)
    if not lines:
        raise ValueError(f"{seeds_dir}: no .txt seeds to train the tokenizer on")
    sp_bytes = train_sentencepiece(lines + _ENGLISH_LINES)
    processor = spm.SentencePieceProcessor(model_proto=sp_bytes)
    vocabulary = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    vocabulary += [f"<filler{n}>" for n in range(size.vocabulary - len(vocabulary))]
    spec = _random_transformer(vocabulary, seed, size)

    metadata = {
        "package_version": "0.0",
        "argos_version": "1.9",
        "from_code": "zh",
        "from_name": "Chinese",
        "to_code": "en",
        "to_name": "English",
        "type": "translate",
        "description": "Tiny random model for tests: output is nonsense.",
    }
    buffer = io.BytesIO()
    with tempfile.TemporaryDirectory() as tmp:
        model_dir = Path(tmp) / "model"
        model_dir.mkdir()
        spec.validate()
        spec.optimize(quantization=size.quantization)
        spec.save(str(model_dir))
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(f"{PACKAGE_FOLDER}/metadata.json", json.dumps(metadata, indent=2))
            zf.writestr(f"{PACKAGE_FOLDER}/sentencepiece.model", sp_bytes)
            for path in sorted(model_dir.iterdir()):
                zf.write(path, f"{PACKAGE_FOLDER}/model/{path.name}")
    write_bytes_atomic(out_file, buffer.getvalue())
    return out_file


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the .argosmodel file to write")
    parser.add_argument("--seeds", type=Path, default=Path("seeds"))
    args = parser.parse_args(argv)
    path = build_tiny_package(args.seeds, args.out)
    print(f"wrote {path} ({path.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
