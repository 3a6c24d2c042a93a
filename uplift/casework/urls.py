"""/casework/...: cases and their stages, letters, monitoring boards, the LA's calendar."""

from uplift.casework import calendar_urls, cases_urls, letters_urls, meetings_urls

app_name = "casework"
urlpatterns = [
    *cases_urls.urlpatterns,
    *letters_urls.urlpatterns,
    *meetings_urls.urlpatterns,
    *calendar_urls.urlpatterns,
]
