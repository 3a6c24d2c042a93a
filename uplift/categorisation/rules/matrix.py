from uplift.categorisation.conditions import Problem
from uplift.categorisation.rules.base import Fired, Rule, check_category, unknown_keys
from uplift.categorisation.rules.registry import register


@register
class Matrix(Rule):
    """{rows} {row} with {columns} {column} places the school in {after} (it was
    {before})."""

    code = "matrix"
    title = "Two criteria crossed in a table"

    @classmethod
    def validate(cls, params, *, definition, path):
        problems = unknown_keys(params, {"rows", "columns", "table"}, path)
        axes = {}
        for key in ("rows", "columns"):
            code = params.get(key)
            criterion = definition.criterion(code) if isinstance(code, str) else None
            if criterion is None:
                problems.append(Problem(f"{path}.{key}", f"unknown criterion {code!r}"))
            axes[key] = criterion
        if problems:
            return problems
        if axes["rows"] == axes["columns"]:
            return [Problem(f"{path}.columns", "rows and columns must be different criteria")]
        table = params.get("table")
        if not isinstance(table, dict):
            return [Problem(f"{path}.table", "must map each row level to its columns")]
        rows = axes["rows"]
        problems = [
            Problem(f"{path}.table.{key}", f"not a level of {rows.code}")
            for key in sorted(set(table) - set(rows.levels))
        ]
        for row in rows.levels:
            problems += _row_problems(
                table.get(row), axes["columns"], definition=definition, path=f"{path}.table.{row}"
            )
        return problems

    @classmethod
    def apply(cls, context, params, *, name, category):
        row = context.assessments.get(params["rows"])
        column = context.assessments.get(params["columns"])
        if row is None or column is None or row.level is None or column.level is None:
            return None
        definition = context.definition
        after = params["table"][row.level][column.level]
        return Fired(
            rule=cls.code,
            name=name,
            message=cls.message(
                rows=row.label,
                row=row.level,
                columns=column.label,
                column=column.level,
                after=definition.label(after),
                before=definition.label(category),
            ),
            before=category,
            after=after,
            evidence=tuple(dict.fromkeys((*row.evidence, *column.evidence))),
        )

    @classmethod
    def describe(cls, params, *, definition):
        rows = definition.criterion(params["rows"]).label
        columns = definition.criterion(params["columns"]).label
        return f"{rows} crossed with {columns} sets the category (see the table)"

    @classmethod
    def overlap(cls, params, other, *, definition):
        if other.rule == cls.code:
            return "two tables both set the category; keep one"
        return ""


def _row_problems(line, columns, *, definition, path) -> list[Problem]:
    """A row of the table must give a known category for each level of the columns."""
    if not isinstance(line, dict):
        return [Problem(path, "missing row")]
    problems = [
        Problem(f"{path}.{key}", f"not a level of {columns.code}")
        for key in sorted(set(line) - set(columns.levels))
    ]
    for column in columns.levels:
        if column not in line:
            problems.append(Problem(f"{path}.{column}", "missing cell"))
        else:
            problems += check_category(line[column], definition=definition, path=f"{path}.{column}")
    return problems
