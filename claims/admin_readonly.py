from django.contrib import admin


class ReadOnlyAdmin(admin.ModelAdmin):
    """History is append-only: staff may read it, never edit or delete it."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
