"""Built-in filters naming sources as a person would: {{ item.source|source_label }} (also
for rationales saved before sources had words), {{ edition|edition_words }},
{{ run|run_words }}."""

import re

from django import template

from uplift.imports import sources

register = template.Library()
_FILE_IN_LABEL = re.compile(r"[\w.-]+\.(?:csv|xlsx|ods|parquet)(?: \(import run \d+\))?")


@register.filter
def source_label(source) -> str:
    """A stored source's label, with any file name it carries put into words."""
    if not isinstance(source, dict):
        return without_file_names(getattr(source, "label", source) or "")
    label = source.get("label", "")
    if source.get("kind") == "import" and source.get("file"):
        return sources.describe_source(
            file_name=source["file"], options={"year": source.get("year", "")}
        )
    return without_file_names(label)


@register.filter
def without_file_names(text) -> str:
    """The text with each file name in it put into words (saved messages may carry them)."""
    return _FILE_IN_LABEL.sub(lambda m: sources.describe_source(file_name=m[0]), str(text or ""))


register.filter("edition_words", sources.edition_words)
register.filter("run_words", sources.describe_run)
