"""`uplift restore PATH`: put back a backup made by `uplift backup`, replacing the database's
content and the media files (see uplift/core/backup.py)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from uplift.core.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup made by `uplift backup`: the database and the media folder."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the archive `uplift backup` wrote")
        parser.add_argument("--database", default="default", help="the database alias")
        parser.add_argument(
            "--media-root", type=Path, default=None, help="where to put the media files"
        )

    def handle(self, *args, path: Path, database: str, media_root: Path | None, **options):
        target = media_root or Path(settings.MEDIA_ROOT)
        try:
            manifest = restore(path, alias=database, media_root=target)
        except BackupError as error:
            raise CommandError(str(error), returncode=1) from None
        self.stdout.write(
            f"Restored the {manifest['database']} database made {manifest['made_at']}"
        )
