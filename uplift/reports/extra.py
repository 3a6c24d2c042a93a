"""Reports offered to `uplift report` by apps above reports (which reports may not import):
each registers one in its AppConfig.ready() with the options it adds and what it prints.
Impact adds `uplift report impact --deployment ID ...`."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ExtraReport:
    name: str
    add_arguments: Callable  # (argument group) -> None
    run: Callable  # (options dict, write) -> None; raises CommandError on wrong usage


EXTRA_REPORTS: dict[str, ExtraReport] = {}


def register_report(report: ExtraReport) -> None:
    EXTRA_REPORTS[report.name] = report
