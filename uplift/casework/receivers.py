"""Casework acts on what other apps tell it: a new inspection setting a category of concern,
a published round or a re-categorised school opens a concern case (connected in apps.py)."""

from uplift.casework.cases import services
from uplift.casework.cases.rules.base import CONCERN_CATEGORIES
from uplift.inspections.models import Inspection


def on_inspections_imported(sender, *, run, via, **kwargs) -> str | None:
    """Open a case for each school the import puts in special measures, requiring significant
    improvement, serious weaknesses or notice to improve; say how many."""
    inspections = Inspection.objects.filter(
        import_run=run, category_of_concern__in=CONCERN_CATEGORIES
    ).only("pk", "establishment_id", "category_of_concern")
    opened = len(services.open_cases_for_inspections(inspections=inspections, via=via))
    if not opened:
        return None
    return f"{opened} concern case{'s' if opened != 1 else ''} opened."


def on_round_published(sender, *, round, actor, via, **kwargs) -> None:
    services.open_cases_for_publication(actor=actor, via=via, round=round)


def on_school_recategorised(sender, *, change, actor, via, **kwargs) -> None:
    services.open_case_for_recategorisation(actor=actor, via=via, change=change)
