from django.urls import path

from uplift.people import sso, views

app_name = "people"
urlpatterns = [
    path("", views.people_list, name="list"),
    path("invite/", views.invite, name="invite"),
    path("invitation/<str:token>/", views.accept, name="accept"),
    path("sign-in/organisation/", sso.StartSignIn.as_view(), name="sso_start"),
    path("sign-in/organisation/callback/", sso.FinishSignIn.as_view(), name="sso_callback"),
    path("sign-in/organisation/refused/", sso.refused, name="sso_refused"),
    path("<int:pk>/", views.person_page, name="person"),
    path("<int:pk>/roles/new/", views.give_role, name="give_role"),
    path("<int:pk>/roles/<int:grant_pk>/schools/", views.adviser_schools, name="schools"),
    path("<int:pk>/roles/<int:grant_pk>/remove/", views.remove_role, name="remove_role"),
    path("<int:pk>/account/", views.switch_account, name="switch_account"),
    path("<int:pk>/invitation/", views.resend, name="resend"),
]
