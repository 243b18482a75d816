from django.apps import AppConfig
from django.db.models.signals import post_save


class RelationsConfig(AppConfig):
    name = "relations"
    verbose_name = "Bilateral relations"

    def ready(self):
        from .history import record_fixture_load, register_history

        register_history()
        post_save.connect(record_fixture_load, dispatch_uid="relations-record-fixture-load")
