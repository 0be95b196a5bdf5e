"""`fixbot schema finding|report`: JSON schema of the public models."""

from __future__ import annotations

import argparse
import json

from pydantic import BaseModel

from bot.models.finding import Finding
from bot.models.report import Assessment

MODELS: dict[str, type[BaseModel]] = {"finding": Finding, "assessment": Assessment}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("model", choices=sorted(MODELS))


def run(args: argparse.Namespace) -> int:
    print(json.dumps(MODELS[args.model].model_json_schema(), indent=2))
    return 0
