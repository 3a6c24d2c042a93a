"""`uplift backup PATH`: the database and the media folder in one archive (see
uplift/core/backup.py)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from uplift.core.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database and the media folder (profile PDFs) into one archive."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the archive to write, e.g. uplift.tar.gz")
        parser.add_argument("--database", default="default", help="the database alias")

    def handle(self, *args, path: Path, database: str, **options):
        try:
            manifest = backup(path, alias=database, media_root=Path(settings.MEDIA_ROOT))
        except BackupError as error:
            raise CommandError(str(error), returncode=1) from None
        self.stdout.write(f"Backed up the {manifest['database']} database and media to {path}")
