"""`uplift categorise --la 919 --round 2026-autumn [--policy NAME]`: propose every open school's
category for the round and print the number of schools per category. With --what-if, try a
policy's latest version (usually a draft) on the round instead, save nothing, and list the
schools whose category would change and why."""

import argparse
from datetime import date

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from uplift.audit.models import Via
from uplift.categorisation import services
from uplift.categorisation.models import PolicyVersion, Round, VersionStatus
from uplift.categorisation.presets import presets
from uplift.categorisation.rounds.codes import BadRoundCode, parse_round_code
from uplift.categorisation.whatif import what_if
from uplift.core.errors import Refused
from uplift.schools.local_authorities import normalise_code
from uplift.schools.models import LocalAuthority

USAGE, REFUSED = 2, 1
REASON = "Proposals refreshed with uplift categorise"


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-09-01") from None


class Command(BaseCommand):
    help = "Propose each open school's category for a round and print the count per category."

    def add_arguments(self, parser):
        parser.add_argument("--la", required=True, help="the DfE LA code, e.g. 919")
        parser.add_argument("--round", required=True, help="the round, e.g. 2026-autumn")
        parser.add_argument("--policy", help="the policy's name (default: the LA's only one)")
        parser.add_argument(
            "--preset",
            choices=sorted(presets()),
            help="when the LA has no policy yet: create one from this preset and make it active",
        )
        parser.add_argument("--as-at", type=iso_date, help="read the evidence at this date")
        parser.add_argument(
            "--what-if",
            action="store_true",
            help="try the policy's latest version on the round without saving anything",
        )
        parser.add_argument("--user", help="the Uplift user to record as making the change")

    def handle(self, *args, **opts):
        la = self._la(opts["la"])
        try:
            code = parse_round_code(opts["round"])
        except BadRoundCode as error:
            raise CommandError(str(error), returncode=USAGE) from None
        actor = self._user(opts["user"])
        via = Via.CLI
        try:
            if opts["what_if"]:
                return self._what_if(la, code.code, opts["policy"])
            version = self._active_version(la, opts["policy"], opts["preset"], actor)
            refresh = services.propose_round(
                actor=actor,
                via=via,
                la=la,
                code=code.code,
                policy_version=version,
                as_at=opts["as_at"],
                reason=REASON,
            )
        except Refused as refused:
            raise CommandError(f"refused: {refused}", returncode=REFUSED) from None
        self._print_counts(refresh, version)

    def _la(self, text: str) -> LocalAuthority:
        code = normalise_code(text)
        la = LocalAuthority.objects.filter(code=code).first() if code else None
        if la is None:
            raise CommandError(f"no local authority with code {text!r} in Uplift", returncode=USAGE)
        return la

    def _user(self, username):
        if not username:
            return None
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"no user called {username!r}", returncode=USAGE)
        return user

    def _active_version(self, la, name, preset, actor) -> PolicyVersion:
        active = PolicyVersion.objects.filter(
            policy__la=la, status=VersionStatus.ACTIVE
        ).select_related("policy__la")
        if name:
            version = active.filter(policy__name__iexact=name).first()
            if version is None:
                raise CommandError(
                    self._no_policy(la, f"no active policy called {name!r}"), returncode=USAGE
                )
            return version
        versions = list(active)
        if len(versions) == 1:
            return versions[0]
        if len(versions) > 1:
            names = ", ".join(sorted(v.policy.name for v in versions))
            raise CommandError(
                f"{la.name} has several active policies; choose one with --policy ({names})",
                returncode=USAGE,
            )
        if not preset:
            raise CommandError(
                self._no_policy(la, "no active categorisation policy"), returncode=USAGE
            )
        draft = services.create_policy_from_preset(
            actor=actor, via=Via.CLI, la=la, preset=preset, name="", reason=REASON
        )
        self.stdout.write(f"Created the policy {draft.policy.name} from the preset {preset}")
        return services.activate_version(actor=actor, via=Via.CLI, version=draft, reason=REASON)

    def _no_policy(self, la, problem: str) -> str:
        return (
            f"{la.name} has {problem}. Make a policy active on /categorisation/policies/, or "
            f"start from a preset with --preset ({', '.join(sorted(presets()))})"
        )

    def _print_counts(self, refresh, version):
        round_ = refresh.round
        definition = version.parsed
        self.stdout.write(
            f"{round_.la.name} ({round_.la.code}), round {round_.code} as at {round_.as_at}, "
            f"{version.policy.name} version {version.number}"
        )
        width = max(len(definition.label(code)) for code in refresh.counts)
        self.stdout.write(f"{'category':<{width}}  schools")
        for code, count in refresh.counts.items():
            self.stdout.write(f"{definition.label(code):<{width}}  {count:>7}")
        self.stdout.write(f"{'total':<{width}}  {sum(refresh.counts.values()):>7}")
        self.stdout.write(
            f"Proposals: {refresh.created} added, {refresh.updated} updated, "
            f"{refresh.unchanged} unchanged, {refresh.kept_decided} already decided (kept), "
            f"{refresh.removed} removed"
        )

    def _what_if(self, la, code: str, name: str | None):
        if not name:
            raise CommandError(
                "--what-if needs --policy NAME (the policy to try)", returncode=USAGE
            )
        round_ = Round.objects.filter(la=la, code=code).select_related("la").first()
        if round_ is None:
            raise CommandError(
                f"{la.name} has no round {code} yet: run uplift categorise "
                f"--la {la.code} --round {code} first",
                returncode=USAGE,
            )
        version = (
            PolicyVersion.objects.filter(policy__la=la, policy__name__iexact=name)
            .select_related("policy")
            .order_by("-number")
            .first()
        )
        if version is None:
            raise CommandError(f"{la.name} has no policy called {name!r}", returncode=USAGE)
        changes = what_if(round=round_, draft_version=version)
        current = round_.policy_version.parsed
        draft = version.parsed
        self.stdout.write(
            f"What if {version.policy.name} version {version.number} "
            f"({version.get_status_display().lower()}) replaced {round_.policy_version} in "
            f"round {round_.code}: {len(changes)} school{'s' if len(changes) != 1 else ''} "
            "would change category (nothing saved)"
        )
        for change in changes:
            school = change.establishment
            self.stdout.write(
                f"{school.urn}  {school.name}: {current.label(change.current.category)} -> "
                f"{draft.label(change.proposed.category)}"
            )
            for fired in change.proposed.rationale:
                self.stdout.write(f"    {fired.message}")
