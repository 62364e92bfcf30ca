"""The engine options every command that translates takes, and the engine they make."""

from __future__ import annotations

import argparse
from pathlib import Path

from translate.engines import ENGINES, Engine, create_engine
from translate.engines.libretranslate import DEFAULT_URL as LT_URL
from translate.engines.libretranslate import KEY_VARIABLE as LT_KEY
from translate.engines.llm import DEFAULT_URL, KEY_VARIABLES


def _positive(kind):
    def parse(value: str):
        try:
            number = kind(value)
        except ValueError:
            number = 0
        if number <= 0:
            raise argparse.ArgumentTypeError(f"{value!r} is not a positive number")
        return number

    return parse


def add_engine_options(parser: argparse.ArgumentParser, what: str = "") -> None:
    parser.add_argument(
        "--engine",
        choices=ENGINES,
        default="argos",
        help=what + "argos (a local model), llm (an OpenAI-compatible server), libretranslate (a server), "
        "or 'none', which fills only what the glossary covers, for human translators",
    )
    add_engine_settings(parser)


def add_engine_settings(parser: argparse.ArgumentParser) -> None:
    """How each engine is reached and run: the options beside --engine."""
    parser.add_argument("--model", help="argos: an installed package name or a package folder")
    parser.add_argument(
        "--device",
        choices=("auto", "cpu", "cuda"),
        help="argos: where the model runs (default: ARGOS_DEVICE_TYPE, else auto: CUDA when CTranslate2 sees a GPU)",
    )
    llm = parser.add_argument_group(
        "the llm engine", f"the API key, if the server wants one, is read from {' or '.join(KEY_VARIABLES)}"
    )
    llm.add_argument("--llm-url", default=DEFAULT_URL, metavar="URL", help=f"the server's base URL ({DEFAULT_URL})")
    llm.add_argument("--llm-model", metavar="NAME", help="the model (default: the one the server serves)")
    llm.add_argument("--llm-workers", type=_positive(int), default=2, metavar="N", help="requests at once (default: 2)")
    llm.add_argument("--llm-rate", type=_positive(float), metavar="R", help="at most R requests a second")
    llm.add_argument(
        "--llm-timeout", type=_positive(float), default=180.0, metavar="S", help="seconds per request (180)"
    )
    llm.add_argument(
        "--llm-retries", type=int, default=3, metavar="N", help="retries of a failed request, with backoff (3)"
    )
    llm.add_argument("--llm-log", type=Path, metavar="FILE", help="append every request and answer (JSON Lines)")
    lt = parser.add_argument_group(
        "the libretranslate engine", f"the API key, if the server wants one, is read from {LT_KEY}"
    )
    lt.add_argument("--lt-url", default=LT_URL, metavar="URL", help=f"the server's address ({LT_URL})")
    lt.add_argument("--lt-timeout", type=_positive(float), default=120.0, metavar="S", help="seconds per request")
    lt.add_argument("--lt-retries", type=int, default=3, metavar="N", help="retries of a failed request (3)")


def engine_from(
    args: argparse.Namespace, source: str = "zh", target: str = "en", name: str = "", model: str = ""
) -> Engine | None:
    """The engine the options name; ``name`` and ``model`` (an Argos package, or the LLM's model) in place
    of --engine and --model or --llm-model when given."""
    from translate.engines.libretranslate import LTSettings
    from translate.engines.llm import LLMSettings

    name = name or args.engine
    settings = LLMSettings(
        url=args.llm_url,
        model=(model if name == "llm" else "") or args.llm_model,
        workers=args.llm_workers,
        rate=args.llm_rate,
        timeout=args.llm_timeout,
        retries=max(0, args.llm_retries),
        log=args.llm_log,
    )
    lt = LTSettings(url=args.lt_url, timeout=args.lt_timeout, retries=max(0, args.lt_retries))
    argos_model = (model if name == "argos" else "") or args.model
    return create_engine(name, source, target, argos_model, settings, args.device, lt)
