"""The service navigation: every area of Uplift, who may use it, and which pages belong to it.

Each area says which roles use it (the same people its pages let in, see
tests/web/test_permission_matrix.py) and the view names of its pages, so the navigation marks
the current area and the breadcrumb starts from it. Deciding needs only the signed-in user's
profile: no query beyond the one that loads it.
"""

from dataclasses import dataclass

from django.urls import reverse

from uplift.accounts.models import Role

R = Role
EVERYONE = frozenset(Role.values)
LA_STAFF = frozenset({R.LA_OFFICER, R.DATA_OFFICER, R.ADVISER})
OFFICERS = frozenset({R.SYSTEM_ADMIN, R.LA_OFFICER})
CASE_READERS = frozenset({R.SYSTEM_ADMIN, R.LA_OFFICER, R.ADVISER})
HEADS_AND_CHAIRS = frozenset({R.HEADTEACHER, R.CHAIR_OF_GOVERNORS})
WORKERS = CASE_READERS | HEADS_AND_CHAIRS
IMPORTERS = frozenset({R.SYSTEM_ADMIN, R.DATA_OFFICER})


@dataclass(frozen=True)
class Area:
    key: str
    label: str
    url_name: str
    roles: frozenset
    pages: tuple[str, ...]  # view names ("ns:name") or namespaces ("ns:") of its pages
    # Roles that also need this permission (e.g. LA officers need the finance one for money)
    permission: str = ""
    permission_roles: frozenset = frozenset()

    def open_to(self, user, role: str) -> bool:
        if role not in self.roles:
            return False
        if self.permission and role in self.permission_roles and not user.is_superuser:
            return user.has_perm(self.permission)
        return True

    def url(self) -> str:
        return reverse(self.url_name)

    def holds(self, view_name: str) -> bool:
        namespace = view_name.split(":", 1)[0] + ":"
        return view_name in self.pages or namespace in self.pages


SCHOOL_PAGES = ("schools:", "workload:school_timeline", "categorisation:recategorise")
VISIT_PAGES = tuple(
    f"support:{name}"
    for name in (
        "school_visits",
        "visit_new",
        "visit_detail",
        "visit_note",
        "visit_share",
        "visit_comment",
        "visit_finalise",
        "visit_cancel",
        "note_templates",
        "note_template_edit",
    )
)
PLAN_PAGES = tuple(
    f"support:{name}"
    for name in (
        "school_plans",
        "plan_new",
        "plan_detail",
        "plan_objective_new",
        "plan_close",
        "plan_milestone_new",
        "plan_review_new",
        "plan_achieved",
        "plan_milestone_done",
        "cycle_new",
        "cycle_detail",
        "cycle_step_new",
    )
)
CASE_PAGES = ("casework:",)

AREAS: tuple[Area, ...] = (
    Area("schools", "Schools", "schools:list", EVERYONE, SCHOOL_PAGES),
    Area(
        "la",
        "Local authority",
        "la:index",
        LA_STAFF | {R.SYSTEM_ADMIN, R.REGIONAL_VIEWER},
        ("la:",),
    ),
    Area(
        "categorisation",
        "Categorisation",
        "categorisation:rounds",
        OFFICERS,
        ("categorisation:", "profiles:"),
    ),
    Area(
        "our_category",
        "Our category",
        "categorisation:my_school",
        HEADS_AND_CHAIRS,
        ("categorisation:my_school",),
    ),
    Area("early_warning", "Early warning", "earlywarning:index", OFFICERS, ("earlywarning:",)),
    Area("casework", "Casework", "casework:case_list", CASE_READERS, CASE_PAGES),
    Area(
        "letters",
        "Letters",
        "casework:my_school_letters",
        HEADS_AND_CHAIRS,
        ("casework:my_school_letters", "casework:letter_detail"),
    ),
    Area(
        "support",
        "Visits and plans",
        "home:support",
        CASE_READERS,
        ("home:support", *VISIT_PAGES, *PLAN_PAGES),
    ),
    # A head's or chair's own school's visits and plans (the address redirects to them).
    Area("visits", "Visits", "home:our_visits", HEADS_AND_CHAIRS, VISIT_PAGES),
    Area("plans", "Plans", "home:our_plans", HEADS_AND_CHAIRS, PLAN_PAGES),
    Area(
        "brokerage",
        "School-to-school support",
        "brokerage:home",
        WORKERS | {R.BOARD_MEMBER},
        ("brokerage:",),
    ),
    Area(
        "money",
        "Money",
        "commissioning:index",
        OFFICERS | HEADS_AND_CHAIRS,
        ("commissioning:", "funds:"),
        permission="funds.manage_finance",
        permission_roles=frozenset({R.LA_OFFICER}),
    ),
    Area(
        "feedback",
        "Feedback",
        "feedback:index",
        OFFICERS | {R.HEADTEACHER},
        ("feedback:",),
    ),
    Area(
        "partnerships",
        "Partnerships",
        "partnerships:list",
        EVERYONE,
        ("partnerships:",),
    ),
    Area(
        "governors",
        "Governor services",
        "governors:list",
        LA_STAFF | HEADS_AND_CHAIRS | {R.SYSTEM_ADMIN, R.REGIONAL_VIEWER},
        ("governors:",),
    ),
    Area(
        "my_work",
        "My work",
        "workload:my_work",
        WORKERS | {R.BOARD_MEMBER},
        ("workload:my_work",),
    ),
    Area(
        "reports",
        "Reports",
        "reports:index",
        LA_STAFF | {R.SYSTEM_ADMIN, R.REGIONAL_VIEWER},
        ("reports:", "impact:track_records", "impact:track_record"),
    ),
    Area("groups", "Groups", "groups:list", EVERYONE, ("groups:",)),
    Area("people", "People", "people:list", frozenset({R.SYSTEM_ADMIN, R.LA_ADMIN}), ("people:",)),
    Area("imports", "Imports", "imports:list", IMPORTERS, ("imports:",)),
    Area("history", "Recent changes", "audit:recent", OFFICERS, ("audit:",)),
    Area("api", "API", "api-docs", EVERYONE, ("api-docs",)),
)
AREAS_BY_KEY = {area.key: area for area in AREAS}
LA_AREAS = {"la", "reports", "early_warning"}  # LA staff reach these only once they work for an LA


def role_of(user) -> str:
    if user.is_superuser:
        return Role.SYSTEM_ADMIN
    profile = getattr(user, "profile", None)
    return profile.role if profile is not None else ""


def areas_for(user) -> list[Area]:
    """The areas this user's role may use, in the navigation's order."""
    if not user.is_authenticated:
        return []
    role = role_of(user)
    profile = getattr(user, "profile", None)
    without_la = role in LA_STAFF and not (profile and profile.la_id)
    return [
        area
        for area in AREAS
        if area.open_to(user, role) and not (without_la and area.key in LA_AREAS)
    ]


def label_of(area: Area, role: str) -> str:
    """Those who read every LA choose one: the overview is "Local authorities" for them."""
    if area.key == "la" and role in (R.SYSTEM_ADMIN, R.REGIONAL_VIEWER):
        return "Local authorities"
    return area.label


@dataclass(frozen=True)
class NavItem:
    key: str
    label: str
    url: str
    current: bool


def area_of(view_name: str, areas) -> Area | None:
    """The area a page belongs to (the most specific match: an exact view name first)."""
    exact = [area for area in areas if view_name in area.pages]
    if exact:
        return exact[0]
    return next((area for area in areas if area.holds(view_name)), None)


def navigation(request) -> dict:
    """Template context: the service navigation and the current area of the page."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else ""
    areas = areas_for(user)
    current = area_of(view_name, areas) if view_name else None
    role = role_of(user)
    items = [NavItem(a.key, label_of(a, role), a.url(), a is current) for a in areas]
    area_crumb = None
    if current is not None and view_name != current.url_name:
        area_crumb = NavItem(current.key, label_of(current, role), current.url(), False)
    return {
        "nav_items": items,
        "nav_area": area_crumb,
        "on_home": view_name == "home",
    }


# What each area is for, as its link on the home page says.
PURPOSES = {
    "schools": "Find a school: its details, inspections, results, category and support.",
    "la": "The local authority's schools at a glance: phases, inspection grades and results.",
    "categorisation": (
        "Categorisation rounds (proposals, decisions, the board, publication), the policies "
        "that propose categories, and each school's performance profile."
    ),
    "early_warning": (
        "Schools whose next inspection is likely to be worse than their last, for you to "
        "agree with or dismiss, and the schools likely to be inspected next term."
    ),
    "our_category": "Your school's category and why the local authority gave it.",
    "casework": (
        "Schools causing concern: cases and their deadlines, letters and notices, letter "
        "templates and the working-day calendar."
    ),
    "letters": "Letters the local authority has sent to your school.",
    "support": "Adviser visits and notes, visit entitlement, action plans and support cycles.",
    "visits": "Adviser visits to your school and their notes.",
    "plans": "Your school's action plans and their milestones.",
    "brokerage": (
        "Support from other schools: system leaders, requests, brokered deployments, "
        "credits and good practice."
    ),
    "feedback": (
        "Heads' feedback on visits, support, traded services and commissioned projects, "
        "rolled up per provider and per service."
    ),
    "money": ("Funds and their ledgers, commissions, grants and bursaries, and traded services."),
    "partnerships": (
        "Partnerships and boards: their seats, meetings, votes and the decisions they take."
    ),
    "governors": (
        "Governing bodies: their places and vacancies, governors and terms, clerks, "
        "training and governance reviews."
    ),
    "my_work": "What is yours to do: visits, notes, actions, objectives and cases.",
    "reports": "Reports on the local authority's schools, with their data to download.",
    "groups": "Partnerships, federations and other groups of schools.",
    "people": "Invite the LA's staff, give and remove their roles, and switch accounts off.",
    "imports": "Load the Department for Education's and Ofsted's files, and see past loads.",
    "history": "Every change people have made, with who made it, when and why.",
    "api": "How other systems read and change Uplift's records.",
}
