"""Template context: the signed-in user's role."""


def roles(request):
    profile = (
        getattr(getattr(request, "user", None), "profile", None)
        if request.user.is_authenticated
        else None
    )
    return {"current_profile": profile}
