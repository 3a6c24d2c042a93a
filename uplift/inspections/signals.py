"""What the inspections app tells the apps above it, without knowing them."""

from django.dispatch import Signal

# Sent inside an import's transaction once its inspections are written, with `run` (the
# ImportRun) and `via`. A receiver may answer a sentence for the import's summary
# ("2 concern cases opened.") or None.
inspections_imported = Signal()
