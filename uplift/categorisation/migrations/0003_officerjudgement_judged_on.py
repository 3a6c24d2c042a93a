import django.db.models.deletion
from django.db import migrations, models
from django.db.models.functions import TruncDate


def judged_when_recorded(apps, schema_editor):
    """A judgement recorded before the date was asked for was made the day it was recorded."""
    judgement = apps.get_model("categorisation", "OfficerJudgement")
    judgement.objects.update(judged_on=TruncDate("recorded_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("categorisation", "0002_boardmeeting_categorychange_publication"),
        ("imports", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="officerjudgement",
            options={"ordering": ["establishment", "criterion", "-judged_on", "-recorded_at", "-id"]},
        ),
        migrations.AddField(
            model_name="officerjudgement",
            name="judged_on",
            field=models.DateField(null=True, help_text="The date the judgement was made"),
        ),
        migrations.RunPython(judged_when_recorded, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="officerjudgement",
            name="judged_on",
            field=models.DateField(help_text="The date the judgement was made"),
        ),
        migrations.AddField(
            model_name="officerjudgement",
            name="import_run",
            field=models.ForeignKey(
                blank=True,
                help_text="The upload it came from, if any",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="imports.importrun",
            ),
        ),
    ]
