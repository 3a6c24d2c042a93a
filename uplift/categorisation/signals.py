"""What categorisation tells the apps above it, without knowing them. Each is sent inside
the transaction of the change, so a receiver's writes stand or fall with it."""

from django.dispatch import Signal

# A round was published: `round`, `actor`, `via`.
round_published = Signal()

# A school's category was changed between rounds: `change` (a CategoryChange), `actor`, `via`.
school_recategorised = Signal()
