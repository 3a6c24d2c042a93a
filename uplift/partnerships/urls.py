from django.urls import path

from uplift.partnerships import setup_views, views

app_name = "partnerships"
urlpatterns = [
    path("", views.partnership_list, name="list"),
    path("<int:pk>/", views.partnership_detail, name="detail"),
    path("new/", setup_views.partnership_new, name="new"),
    path("operating-model/<str:code>/", setup_views.operating_model, name="operating_model"),
    path("<int:pk>/report/", views.report, name="report"),
    path("<int:pk>/terms/", setup_views.terms_edit, name="terms"),
    path("<int:pk>/members/new/", setup_views.member_new, name="member_new"),
    path("<int:pk>/schools/new/", setup_views.schools_new, name="schools_new"),
    path("<int:pk>/seats/new/", setup_views.seat_new, name="seat_new"),
    path("seats/<int:pk>/appoint/", setup_views.appoint, name="appoint"),
    path("<int:pk>/round-roles/new/", setup_views.round_role_new, name="round_role_new"),
    path("<int:pk>/funds/new/", setup_views.fund_new, name="fund_new"),
    path("<int:pk>/rounds/<int:round_pk>/", views.board_round, name="round"),
    path("<int:pk>/meetings/new/", views.meeting_new, name="meeting_new"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting"),
    path("meetings/<int:pk>/attendance/", views.attendance, name="attendance"),
    path("meetings/<int:pk>/motions/new/", views.motion_new, name="motion_new"),
    path("meetings/<int:pk>/actions/new/", views.action_new, name="action_new"),
    path("meetings/<int:pk>/papers/new/", views.paper_new, name="paper_new"),
    path("meetings/<int:pk>/minutes.pdf", views.minutes, name="minutes"),
    path("motions/<int:pk>/votes/", views.votes, name="votes"),
    path("actions/<int:pk>/done/", views.action_done, name="action_done"),
    path("papers/<int:pk>/", views.paper_download, name="paper"),
]
