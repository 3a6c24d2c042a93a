import pytest
from django.core.management import CommandError, call_command

from uplift.governors.models import Governor


def test_vacancies_needing_attention(gw, bodies, capsys):
    call_command("governors", "vacancies", "--user", "herts.officer", "--attention")
    out = capsys.readouterr().out
    assert "117001  Abbots Langley Primary" in out and "chair's term has expired" in out
    assert "117003" in out and "117002" not in out


def test_appoint_and_a_refusal(gw, bodies, capsys):
    base = ["governors", "appoint", "--user", "head", "--urn", "117001", "--name", "Cli Parent"]
    dates = ["--appointed-by", "The parents", "--starts", "2026-09-01", "--ends", "2030-08-31"]
    call_command(*base, "--category", "parent", *dates)
    assert Governor.objects.filter(name="Cli Parent").exists()
    with pytest.raises(CommandError) as refused:
        call_command(*base, "--category", "additional", *dates)
    assert refused.value.returncode == 1
