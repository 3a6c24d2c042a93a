"""/my-work/ and /schools/<urn>/timeline/."""

app_name = "workload"
urlpatterns = []
