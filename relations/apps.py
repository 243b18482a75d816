from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


class RelationsConfig(AppConfig):
    name = "relations"
    verbose_name = "Bilateral relations"

    def ready(self):
        from .cache import content_changed

        # Every model, filtered by app inside: models added later are covered without a change.
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(content_changed, dispatch_uid=f"page-cache-{signal}")
