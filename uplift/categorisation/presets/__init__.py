"""The policies Uplift ships as data (one JSON file each): an LA starts from one and edits it."""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

FOLDER = Path(__file__).parent


@dataclass(frozen=True)
class Preset:
    code: str  # the file's name without .json
    name: str
    description: str
    definition: dict


@cache
def presets() -> dict[str, Preset]:
    found = {}
    for path in sorted(FOLDER.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        found[path.stem] = Preset(path.stem, data["name"], data["description"], data["definition"])
    return found


def preset(code: str) -> Preset:
    """The preset with this code; raises KeyError naming the known codes."""
    try:
        return presets()[code]
    except KeyError:
        raise KeyError(f"no preset {code!r}; presets: {', '.join(presets())}") from None
