"""Log in, with brute-force throttling: after USER_LIMIT failed attempts for
one username, or ADDRESS_LIMIT from one address, within WINDOW, further
attempts are refused (429) until the window passes, without checking the
password. The address limit is higher because a newsroom behind one proxy
shares an address. Counts live in the shared cache (Redis in production), so
every web worker sees them."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.core.cache import cache
from django.http import HttpResponse

USER_LIMIT = 5
ADDRESS_LIMIT = 50
WINDOW = 15 * 60  # seconds


def _keys(request) -> dict[str, int]:
    username = (request.POST.get("username") or "").strip().lower()[:150]
    address = request.META.get("REMOTE_ADDR", "")
    return {f"login-fail:user:{username}": USER_LIMIT, f"login-fail:addr:{address}": ADDRESS_LIMIT}


def _locked(request) -> bool:
    return any((cache.get(key) or 0) >= limit for key, limit in _keys(request).items())


def _count_failure(request) -> None:
    for key in _keys(request):
        if not cache.add(key, 1, WINDOW):
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.add(key, 1, WINDOW)


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
