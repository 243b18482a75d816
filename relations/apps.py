from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save, pre_save


class RelationsConfig(AppConfig):
    name = "relations"
    verbose_name = "Bilateral relations"

    def ready(self):
        from . import cache, front_pass, search, shared_classes  # noqa: F401 (front_pass: its login receivers)
        from .history import record_fixture_load, register_history
        from .text import strip_bidi_controls

        # Every model, filtered by app inside: models added later are covered without a change.
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(cache.content_changed, dispatch_uid=f"page-cache-{signal}")
        # After the page cache's own receivers, so Django's cache is emptied before a shared
        # cache in front is told to fetch again.
        post_save.connect(cache.content_saved, dispatch_uid="http-cache-saved")
        post_delete.connect(cache.content_deleted, dispatch_uid="http-cache-deleted")
        m2m_changed.connect(cache.links_changed, dispatch_uid="http-cache-links")
        for model in self.get_models():
            if cache.is_content(model):
                post_init.connect(cache.entry_loaded, sender=model, dispatch_uid="http-cache-shown")
        # The SQLite search index: each kind's entries and the rows read into them.
        for model in [*search.BY_MODEL, *search.PARENTS]:
            for signal in (post_save, post_delete):
                signal.connect(search.reindex, sender=model, dispatch_uid=f"search-{signal}")
        pre_save.connect(strip_bidi_controls, dispatch_uid="relations-strip-bidi")
        register_history()
        shared_classes.install()
        post_save.connect(record_fixture_load, dispatch_uid="relations-record-fixture-load")
