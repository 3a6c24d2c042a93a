"""Permission-matrix rows of this area's pages (see test_permission_matrix.py)."""


def rows(w) -> list[tuple[str, str, str]]:
    return []
