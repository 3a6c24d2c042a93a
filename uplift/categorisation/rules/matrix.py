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
        rows, columns = axes["rows"].levels, axes["columns"].levels
        for key in sorted(set(table) - set(rows)):
            problems.append(Problem(f"{path}.table.{key}", f"not a level of {axes['rows'].code}"))
        for row in rows:
            line = table.get(row)
            if not isinstance(line, dict):
                problems.append(Problem(f"{path}.table.{row}", "missing row"))
                continue
            for key in sorted(set(line) - set(columns)):
                problems.append(
                    Problem(f"{path}.table.{row}.{key}", f"not a level of {axes['columns'].code}")
                )
            for column in columns:
                cell_path = f"{path}.table.{row}.{column}"
                if column not in line:
                    problems.append(Problem(cell_path, "missing cell"))
                else:
                    problems += check_category(line[column], definition=definition, path=cell_path)
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
