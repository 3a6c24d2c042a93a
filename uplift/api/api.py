"""The JSON API, version 1: /api/v1/..., its schema at /api/v1/openapi.json, docs at /api/docs."""

from ninja import NinjaAPI, Swagger

from uplift.api.auth import API_AUTH, schema_for_callers_only
from uplift.api.brokerage import routes as brokerage
from uplift.api.calendar import routes as calendar
from uplift.api.cases import routes as cases
from uplift.api.categories import routes as categories
from uplift.api.commissioning import routes as commissioning
from uplift.api.commissioning import spend as commissioning_spend
from uplift.api.earlywarning import routes as earlywarning
from uplift.api.errors import register_handlers
from uplift.api.flags import routes as flags
from uplift.api.funds import routes as funds
from uplift.api.governors import routes as governors
from uplift.api.impact import routes as impact
from uplift.api.imports import routes as imports
from uplift.api.inspections import routes as inspections
from uplift.api.judgements import routes as judgements
from uplift.api.letters import routes as letters
from uplift.api.meetings import routes as meetings
from uplift.api.partnerships import routes as partnerships
from uplift.api.plans import routes as plans
from uplift.api.reports import routes as reports
from uplift.api.schools import routes as schools
from uplift.api.visits import routes as visits
from uplift.api.work import routes as work

DESCRIPTION = """\
Uplift's data for scripts: schools, their inspections and performance, and the import history.

Every request carries the scope of the user it acts for. Send a token made with
`uplift create-token USERNAME` as `Authorization: Bearer <token>`, or sign in to the site to
try the API from this page. A school outside your scope answers 404, like a missing one.

Lists take `limit` and `offset` and answer `{"count", "next", "previous", "results"}`.
Errors answer `{"error": {"status", "code", "message", "details"}}`: 400 for a request
that does not make sense as a whole (a date range the wrong way round), 401 without valid
credentials, 403 when your role may not do this, 404, 422 when a parameter is not valid
(`details` says which and why), 500 when something fails on our side.
"""

api = NinjaAPI(
    title="Uplift API",
    version="1",
    description=DESCRIPTION,
    auth=API_AUTH,
    urls_namespace="api-v1",
    docs=Swagger(settings={"validatorUrl": None}),  # no calls to swagger.io from the docs
    docs_url=None,  # served at /api/docs instead, by uplift.api.urls
    docs_decorator=schema_for_callers_only,  # the schema for signed-in users and tokens only
)
register_handlers(api)
api.add_router("", schools.router)
api.add_router("", inspections.router)
api.add_router("", imports.router)
api.add_router("", reports.router)
for area in (
    cases,
    categories,
    flags,
    letters,
    meetings,
    calendar,
    visits,
    plans,
    work,
    judgements,
    brokerage,
    funds,
    commissioning,
    impact,
    commissioning_spend,
    partnerships,
    earlywarning,
    governors,
):
    api.add_router("", area.router)
