"""The difference between two versions of a policy, section by section: what was added,
removed or changed, each change down to the exact path and its values before and after."""

import json
from dataclasses import dataclass, field


@dataclass(frozen=True)
class FieldChange:
    path: str  # inside the item, e.g. "levels[0].when.value"
    before: str
    after: str


@dataclass(frozen=True)
class ItemChange:
    key: str
    changes: tuple[FieldChange, ...]


@dataclass
class SectionDiff:
    title: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[ItemChange] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


@dataclass(frozen=True)
class VersionDiff:
    sections: tuple[SectionDiff, ...]

    @property
    def empty(self) -> bool:
        return all(section.empty for section in self.sections)


def diff_definitions(before: dict, after: dict) -> VersionDiff:
    """Categories and criteria are matched by code, thresholds by criterion, the anchor by
    Ofsted scale and adjustments by name."""
    rules_before, rules_after = before.get("rules", {}), after.get("rules", {})
    return VersionDiff(
        (
            _section(
                "Categories",
                _by(before.get("categories"), "code"),
                _by(after.get("categories"), "code"),
            ),
            _section(
                "Criteria", _by(before.get("criteria"), "code"), _by(after.get("criteria"), "code")
            ),
            _section("Thresholds", before.get("thresholds", {}), after.get("thresholds", {})),
            _section(
                "Ofsted anchor", rules_before.get("anchor", {}), rules_after.get("anchor", {})
            ),
            _section(
                "Adjustments",
                _by(rules_before.get("adjustments"), "name"),
                _by(rules_after.get("adjustments"), "name"),
            ),
        )
    )


def _by(items, key: str) -> dict:
    return {str(item.get(key)): item for item in items or [] if isinstance(item, dict)}


def _section(title: str, before: dict, after: dict) -> SectionDiff:
    section = SectionDiff(title)
    section.added = [key for key in after if key not in before]
    section.removed = [key for key in before if key not in after]
    for key in after:
        if key in before and before[key] != after[key]:
            old, new = _flatten(before[key]), _flatten(after[key])
            changes = tuple(
                FieldChange(path, _text(old.get(path)), _text(new.get(path)))
                for path in sorted(old.keys() | new.keys())
                if old.get(path, _MISSING) != new.get(path, _MISSING)
            )
            section.changed.append(ItemChange(key, changes))
    return section


_MISSING = object()


def _flatten(value, path: str = "") -> dict:
    """Scalars by path: {"levels[0].when.value": 65, ...}."""
    if isinstance(value, dict):
        flat = {}
        for key, inner in value.items():
            flat.update(_flatten(inner, f"{path}.{key}" if path else key))
        return flat or {path: {}}
    if isinstance(value, list):
        flat = {}
        for index, inner in enumerate(value):
            flat.update(_flatten(inner, f"{path}[{index}]"))
        return flat or {path: []}
    return {path: value}


def _text(value) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value)
