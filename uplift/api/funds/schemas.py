"""What the funds endpoints take and answer. Money is integer pence."""

from datetime import date

from ninja import Field, Schema


class FundOut(Schema):
    id: int
    la_code: str
    name: str
    financial_year: str = Field(description="e.g. 2026-27 (1 April to 31 March)")
    owner_name: str
    owner_kind: str = Field(description="la, partnership or consortium")
    source: str = Field(description="la_budget, dsg_top_slice, pooled or grant")
    ring_fences: list[str]
    received_pence: int
    committed_pence: int = Field(description="Commitments not yet paid or released")
    paid_pence: int
    balance_pence: int = Field(description="Left to commit, summed from the ledger")
    is_sample: bool


class PurposeOut(Schema):
    type: str = Field(description="What the entry pays for, e.g. commissioning.commission")
    id: int


class EntryOut(Schema):
    id: int
    kind: str = Field(description="contribution, commitment, release or payment")
    amount_pence: int = Field(
        description="Signed by its effect on balance_pence: contributions and releases "
        "add, commitments and payments take away"
    )
    dated: date
    description: str
    reason: str
    urn: int | None
    ring_fence: str | None
    commitment_id: int | None
    purpose: PurposeOut | None


class CommitmentIn(Schema):
    amount_pence: int = Field(gt=0, description="What to commit, in pence")
    dated: date
    description: str = Field(max_length=300, description="What the money is for")
    reason: str = Field(max_length=2000)
    urn: int | None = Field(None, description="The school the money is for, if any")
    ring_fence: str | None = Field(None, description="The ring-fence's name, if the fund has any")
