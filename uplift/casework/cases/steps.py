"""The casework state machine in one table: every step a case can take, the stage it reaches,
how a person takes it, what it needs, and how the case page offers it. The services, the
rules, the case page and the API schema all read this table.

A case moves forward through Stage (in its order). A plain move reaches only the stages
marked `by_move`; every other stage is reached by a step of its own (issuing a notice, using
a power ...). Steps marked `repeatable` may be recorded again at the stage they reach.
"""

from dataclasses import dataclass

from uplift.casework.models import Power, Stage

# Actions a step (and a rule) can apply to.
OPEN = "open"
MOVE = "move"
NOTICE = "warning_notice"
DFE_COPY = "dfe_copy"
COMPLIANCE = "compliance"
INTENTION = "notice_of_intention"
POWER = "power"
POWER_DFE = "power_dfe_notification"
STRUCTURAL = "structural"
CLOSE = "close"
CASE_ACTIONS = frozenset(
    {MOVE, NOTICE, DFE_COPY, COMPLIANCE, INTENTION, POWER, POWER_DFE, STRUCTURAL, CLOSE}
)

STAGE_ORDER = {stage: index for index, stage in enumerate(Stage.values)}


@dataclass(frozen=True)
class StageStep:
    """How a stage is reached."""

    stage: Stage
    action: str
    how: str  # "by issuing a warning notice": what a person does to reach the stage
    needs: tuple[str, ...] = ()  # inputs the step requires besides its date and reason
    repeatable: bool = False  # the step may be recorded again at its stage

    @property
    def by_move(self) -> bool:
        return self.action == MOVE


STAGE_STEPS = (
    StageStep(Stage.CONCERN_RAISED, OPEN, "opening a case"),
    StageStep(Stage.LETTER_OF_CONCERN, MOVE, "moving it there once the letter is sent"),
    StageStep(Stage.PRE_WARNING, MOVE, "moving it there", needs=("action_plan_due_on",)),
    StageStep(Stage.WARNING_NOTICE, NOTICE, "issuing a warning notice", repeatable=True),
    StageStep(Stage.ELIGIBLE, MOVE, "moving it there once the school is eligible"),
    StageStep(Stage.POWERS_USED, POWER, "recording a power used", repeatable=True),
    StageStep(
        Stage.STRUCTURAL,
        STRUCTURAL,
        "recording a structural solution or academy order",
        repeatable=True,
    ),
    StageStep(Stage.CLOSED, CLOSE, "closing the case, with its reason"),
)
BY_STAGE = {step.stage: step for step in STAGE_STEPS}
MOVE_TARGETS = tuple(step.stage for step in STAGE_STEPS if step.by_move)
OWN_STEPS = {step.stage: step.how for step in STAGE_STEPS if not step.by_move}
REPEATABLE = {step.action: step.stage for step in STAGE_STEPS if step.repeatable}


@dataclass(frozen=True)
class PageStep:
    """A next step the case page offers: its action, label and form."""

    code: str
    label: str
    action: str
    url_name: str
    to_stage: Stage | None = None  # for a move
    power: str | None = None  # for a power


def _move(stage: Stage, label: str) -> PageStep:
    return PageStep(stage.value, label, MOVE, "casework:case_move", to_stage=stage)


PAGE_STEPS = (
    _move(Stage.LETTER_OF_CONCERN, "Move to letter of concern"),
    _move(Stage.PRE_WARNING, "Move to pre-warning (request an action plan)"),
    PageStep("warning_notice", "Issue a warning notice", NOTICE, "casework:case_notice_new"),
    PageStep(
        "notice_of_intention",
        "Record the notice of intention to use powers",
        INTENTION,
        "casework:case_intention",
    ),
    _move(Stage.ELIGIBLE, "Move to eligible for intervention"),
    *(
        PageStep(
            f"power_{power.value}",
            f"Use a power: {power.label}",
            POWER,
            "casework:case_power_new",
            power=power.value,
        )
        for power in Power
    ),
    PageStep(
        "structural",
        "Record a structural solution or academy order",
        STRUCTURAL,
        "casework:case_structural_new",
    ),
    PageStep("close", "Close the case", CLOSE, "casework:case_close"),
)


def move_targets_described() -> str:
    """The stages a plain move reaches, for forms and the API's description."""
    return ", ".join(
        f"{stage.value}"
        + (f" (with {', '.join(BY_STAGE[stage].needs)})" if BY_STAGE[stage].needs else "")
        for stage in MOVE_TARGETS
    )
