"""/casework/...: cases and their stages, letters, monitoring boards, the LA's calendar."""

from uplift.casework.calendar import urls as calendar_urls
from uplift.casework.cases import urls as cases_urls
from uplift.casework.letters import urls as letters_urls
from uplift.casework.meetings import urls as meetings_urls

app_name = "casework"
urlpatterns = [
    *cases_urls.urlpatterns,
    *letters_urls.urlpatterns,
    *meetings_urls.urlpatterns,
    *calendar_urls.urlpatterns,
]
