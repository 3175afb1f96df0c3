"""Log in, with brute-force throttling: after USER_LIMIT failed attempts for
one username, or ADDRESS_LIMIT from one address, within WINDOW, further
attempts are refused (429) until the window passes, without checking the
password. The address limit is higher because a newsroom behind one proxy
shares an address. Counts live in the shared cache (Redis in production), so
every web worker sees them; while Redis is unreachable each web process
counts on its own (factcheck.cache)."""

from __future__ import annotations

import unicodedata

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.http import HttpResponse

from factcheck.cache import counter_get, counter_incr

USER_LIMIT = 5
ADDRESS_LIMIT = 50
WINDOW = 15 * 60  # seconds
USERNAME_MAX = 150  # AbstractUser.username's max_length


def throttle_username(raw: str) -> str:
    """The account a login attempt is counted against: the username as the
    login form authenticates it (stripped, then NFKC-normalized, as Django's
    UsernameField and AbstractBaseUser.normalize_username do), lowercased.
    Every spelling Django would authenticate as one user ("ｒｅｖ２", "rev2")
    gives one count; lowercasing merges case variants as well, which only
    makes the limit stricter."""
    username = raw.strip()[:USERNAME_MAX]  # longer is refused by the form anyway
    return unicodedata.normalize("NFKC", username).lower()


def _keys(request) -> dict[str, int]:
    username = throttle_username(request.POST.get("username") or "")
    address = request.META.get("REMOTE_ADDR", "")
    return {f"login-fail:user:{username}": USER_LIMIT, f"login-fail:addr:{address}": ADDRESS_LIMIT}


def _locked(request) -> bool:
    return any(counter_get(key) >= limit for key, limit in _keys(request).items())


def _count_failure(request) -> None:
    for key in _keys(request):
        counter_incr(key, ttl=WINDOW)


class ThrottledLoginView(auth_views.LoginView):
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        if _locked(request):
            form = self.get_form()
            form.errors.clear()
            form.add_error(
                None,
                f"Too many failed attempts. Try again in {WINDOW // 60} minutes, "
                "or ask an admin to reset your password.",
            )
            response = self.render_to_response(self.get_context_data(form=form))
            response.status_code = 429
            return response
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form) -> HttpResponse:
        _count_failure(self.request)
        return super().form_invalid(form)


def admin_login(request, extra_context=None) -> HttpResponse:
    """The admin's login page behind the same counts: it checks passwords
    too, so it would otherwise be a way around the lockout."""
    if request.method == "POST" and _locked(request):
        return ThrottledLoginView.as_view()(request)  # its 429 page
    response = admin.site.login(request, extra_context)
    if request.method == "POST" and not request.user.is_authenticated:
        _count_failure(request)
    return response
