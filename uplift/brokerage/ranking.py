"""Extra signals for ranking a request's proposals, offered by apps above brokerage (which
brokerage may not import): each registers a function in its AppConfig.ready(). A signal
takes the candidate leaders and the request, and answers, in a fixed number of queries,
{leader id: (points, reason in words)} for the leaders it has something to say about."""

from collections.abc import Callable

Signal = Callable[..., dict[int, tuple[int, str]]]
_SIGNALS: list[Signal] = []


def register_signal(signal: Signal) -> None:
    if signal not in _SIGNALS:
        _SIGNALS.append(signal)


def unregister_signal(signal: Signal) -> None:
    if signal in _SIGNALS:
        _SIGNALS.remove(signal)


def registered() -> tuple[Signal, ...]:
    return tuple(_SIGNALS)


def extra_points(*, leaders, request) -> dict[int, list[tuple[int, str]]]:
    """Every registered signal's points and reasons, per leader."""
    found: dict[int, list[tuple[int, str]]] = {}
    for signal in _SIGNALS:
        for leader_id, said in signal(leaders=leaders, request=request).items():
            found.setdefault(leader_id, []).append(said)
    return found
