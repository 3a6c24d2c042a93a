"""School-to-school support pages. Each view reads through the selectors (the user's scope: a
record outside it is not found, 404) and changes through the services (a refusal shows on
the form; a role that may not act is refused, 403)."""
