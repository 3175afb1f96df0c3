"""Admin pages for integrations, API keys, webhook endpoints and the delivery
log (registered from claims/admin.py). Keys are created here and shown once."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError

from claims import webhooks
from claims.admin_readonly import ReadOnlyAdmin
from claims.api import keys
from claims.models import (
    ApiKey,
    ApiScope,
    Integration,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)


class IntegrationAdmin(admin.ModelAdmin):
    list_display = ["name", "is_active", "created_at"]

    # Through the services, so switching an integration off or deleting it
    # refuses its keys at once (they are cached for a few seconds).
    def save_model(self, request, obj, form, change):
        keys.integration_save(integration=obj)

    def delete_model(self, request, obj):
        keys.integration_delete(integration=obj)

    def delete_queryset(self, request, queryset):
        for integration in queryset:
            keys.integration_delete(integration=integration)


class ApiKeyForm(forms.ModelForm):
    scopes = forms.MultipleChoiceField(
        choices=ApiScope.choices, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = ApiKey
        fields = ["integration", "name", "scopes", "acting_user"]

    def clean_acting_user(self):
        user = self.cleaned_data.get("acting_user")
        keys.api_key_validate_acting_user(user)
        return user


class ApiKeyAdmin(admin.ModelAdmin):
    form = ApiKeyForm
    list_display = [
        "prefix",
        "integration",
        "name",
        "scopes",
        "acting_user",
        "created_at",
        "last_used_at",
        "revoked_at",
    ]
    list_filter = ["integration"]
    list_select_related = ["integration", "acting_user"]
    readonly_fields = ["prefix", "created_by", "created_at", "last_used_at", "revoked_at"]
    actions = ["revoke"]

    def save_model(self, request, obj, form, change):
        if change:
            obj.scopes = sorted(set(obj.scopes))
            super().save_model(request, obj, form, change)
            keys.api_key_forget(api_key=obj)
            return
        key, obj.prefix, obj.key_hash = keys.api_key_generate()
        obj.created_by = request.user
        obj.scopes = keys.api_key_validate_scopes(list(obj.scopes))
        super().save_model(request, obj, form, change)
        self.message_user(
            request,
            f"The new key is {key} — copy it now: it is shown only this once.",
            messages.WARNING,
        )

    @admin.action(description="Revoke selected keys")
    def revoke(self, request, queryset):
        for api_key in queryset:
            keys.api_key_revoke(api_key=api_key)
        self.message_user(request, f"Revoked {queryset.count()} key(s).")

    def has_delete_permission(self, request, obj=None):
        return False  # revoke instead: keys stay for the audit trail


class WebhookEndpointForm(forms.ModelForm):
    url = forms.URLField(max_length=2000, assume_scheme="https")
    events = forms.MultipleChoiceField(
        choices=WebhookEvent.choices, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = WebhookEndpoint
        fields = ["integration", "url", "events", "is_active"]

    def clean_url(self):
        url = self.cleaned_data["url"]
        try:
            webhooks.url_check(url)
        except ValidationError as exc:
            raise forms.ValidationError(exc.messages) from None
        return url


class WebhookEndpointAdmin(admin.ModelAdmin):
    form = WebhookEndpointForm
    list_display = ["url", "integration", "events", "is_active", "disabled_reason", "sequence"]
    list_filter = ["integration", "is_active"]
    readonly_fields = ["secret", "sequence", "disabled_reason", "created_at"]

    def save_model(self, request, obj, form, change):
        if not obj.secret:
            obj.secret = webhooks.endpoint_secret_generate()
        if obj.is_active:
            obj.disabled_reason = ""
        super().save_model(request, obj, form, change)


class WebhookDeliveryAdmin(ReadOnlyAdmin):
    """The delivery log: read-only, with redelivery."""

    list_display = [
        "event_type",
        "sequence",
        "endpoint",
        "status",
        "attempts",
        "response_code",
        "last_error",
        "created_at",
        "delivered_at",
    ]
    list_filter = ["status", "event_type", "endpoint"]
    list_select_related = ["endpoint"]
    search_fields = ["event_id"]
    actions = ["redeliver"]

    @admin.action(description="Deliver again", permissions=["view"])
    def redeliver(self, request, queryset):
        for delivery in queryset:
            webhooks.delivery_redeliver(delivery=delivery)
        self.message_user(request, f"Queued {queryset.count()} delivery(ies) again.")


def register(site: admin.AdminSite) -> None:
    site.register(Integration, IntegrationAdmin)
    site.register(ApiKey, ApiKeyAdmin)
    site.register(WebhookEndpoint, WebhookEndpointAdmin)
    site.register(WebhookDelivery, WebhookDeliveryAdmin)
