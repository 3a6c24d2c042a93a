"""The three operating models of seed 004 as presets: data that choosing one copies into the
LA's OperatingModel, which can then be adjusted. Code asks the configuration, never the
preset's name."""

from dataclasses import dataclass

from uplift.partnerships.models import Sight, Who


@dataclass(frozen=True)
class Preset:
    key: str
    label: str
    description: str
    proposes: str
    agrees: str
    commissions: str
    holds_budgets: str
    partnerships_see: str

    @property
    def needs_partnership(self) -> bool:
        return Who.PARTNERSHIP in (self.proposes, self.agrees, self.commissions, self.holds_budgets)

    def settings(self) -> dict:
        return {
            "proposes": self.proposes,
            "agrees": self.agrees,
            "commissions": self.commissions,
            "holds_budgets": self.holds_budgets,
            "partnerships_see": self.partnerships_see,
        }


PRESETS = {
    preset.key: preset
    for preset in (
        Preset(
            key="la_provides",
            label="The LA provides support itself",
            description=(
                "Model 1: the LA's own team categorises, agrees, commissions and provides "
                "most support, and holds the budget. Partnerships see their schools."
            ),
            proposes=Who.LA,
            agrees=Who.LA,
            commissions=Who.LA,
            holds_budgets=Who.LA,
            partnerships_see=Sight.SCHOOLS,
        ),
        Preset(
            key="la_commissions",
            label="The LA commissions support from others",
            description=(
                "Model 2: the LA proposes categories and commissions support from schools and "
                "other providers; a board of headteachers agrees the categories and sees the "
                "support in place."
            ),
            proposes=Who.LA,
            agrees=Who.PARTNERSHIP,
            commissions=Who.LA,
            holds_budgets=Who.LA,
            partnerships_see=Sight.SUPPORT,
        ),
        Preset(
            key="partnership_commissions",
            label="A partnership of schools commissions support",
            description=(
                "Model 3: an overarching partnership (like the York Education Partnership) "
                "agrees categories, holds the commissioning budget and commissions all school "
                "improvement; the LA's team proposes categories and monitors."
            ),
            proposes=Who.LA,
            agrees=Who.PARTNERSHIP,
            commissions=Who.PARTNERSHIP,
            holds_budgets=Who.PARTNERSHIP,
            partnerships_see=Sight.CASES,
        ),
    )
}
