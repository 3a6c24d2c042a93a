"""Addresses of brokerage pages, for the apps above that link to them."""

from django.urls import reverse


def deployment_path(pk: int) -> str:
    return reverse("brokerage:deployment", args=[pk])
