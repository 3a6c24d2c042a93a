from django.urls import path

from uplift.support.plans import views

# Included in uplift.support.urls (namespace "support").
urlpatterns = [
    path("schools/<int:urn>/plans/", views.school_plans, name="school_plans"),
    path("plans/new/", views.plan_new, name="plan_new"),
    path("plans/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/objectives/new/", views.objective_new, name="plan_objective_new"),
    path("plans/<int:pk>/close/", views.plan_close, name="plan_close"),
    path("objectives/<int:pk>/milestones/new/", views.milestone_new, name="plan_milestone_new"),
    path("objectives/<int:pk>/reviews/new/", views.review_new, name="plan_review_new"),
    path("objectives/<int:pk>/achieved/", views.objective_achieved, name="plan_achieved"),
    path("milestones/<int:pk>/done/", views.milestone_done, name="plan_milestone_done"),
    path("cycles/new/", views.cycle_new, name="cycle_new"),
    path("cycles/<int:pk>/", views.cycle_detail, name="cycle_detail"),
    path("cycles/<int:pk>/steps/new/", views.cycle_step_new, name="cycle_step_new"),
]
