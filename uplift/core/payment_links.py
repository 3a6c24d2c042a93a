"""Who pays for an item shown on a lower app's page (a deployment, a power used in a case):
the lower app's template asks `{% payment_link item as paid %}` (core/templatetags) and a
higher app that keeps money registers the answer here, so the lower app imports nothing of
it. An answer is a PaymentLink, or None when the user may not see money or it does not apply."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class PaymentLink:
    text: str
    url: str = ""  # empty when there is nothing to do (already paid for)


_answerers: list[Callable] = []


def register(answer: Callable) -> Callable:
    """`answer(*, user, item)` returns a PaymentLink or None."""
    if answer not in _answerers:
        _answerers.append(answer)
    return answer


def payment_link(*, user, item) -> PaymentLink | None:
    for answer in _answerers:
        found = answer(user=user, item=item)
        if found is not None:
            return found
    return None
