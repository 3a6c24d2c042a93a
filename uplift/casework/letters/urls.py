from django.urls import path

from uplift.casework.letters import views

# Included in uplift.casework.urls (namespace "casework").
urlpatterns = [
    path("letter-templates/", views.template_list, name="letter_templates"),
    path("letter-templates/<int:pk>/edit/", views.template_edit, name="letter_template_edit"),
    path("cases/<int:case_pk>/letters/new/", views.letter_new, name="letter_new"),
    path("letters/<int:pk>/", views.letter_detail, name="letter_detail"),
    path("letters/<int:pk>/pdf/", views.letter_pdf, name="letter_pdf"),
    path("letters/<int:pk>/send/", views.letter_send, name="letter_send"),
    path("my-school/letters/", views.my_school_letters, name="my_school_letters"),
]
