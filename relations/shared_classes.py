"""Classes built once per process, not once per request (issue #20).

django-modeltranslation gives each queryset a class of its own: its manager swaps the
queryset's class for ``multilingual_queryset_factory(queryset.__class__)``, which defines a
new ``class NewClass(old_cls, MultilingualQuerySet)`` on every call unless the queryset is a
plain QuerySet. Every model here has its own queryset class (``published()`` and the
rest), so each page built 4 to 50 classes a request: their construction, and the MRO and
attribute caches each new class starts empty. ``install()`` (at app start) makes the
factory return one class per queryset class, the same class the first call built.
"""

import threading

from modeltranslation import manager

_original_factory = manager.multilingual_queryset_factory
_classes = {}
_lock = threading.Lock()


def multilingual_queryset_factory(old_cls, instantiate=True):
    """modeltranslation's factory, with the class it builds kept for each ``old_cls``."""
    new_cls = _classes.get(old_cls)
    if new_cls is None:
        with _lock:
            new_cls = _classes.get(old_cls)
            if new_cls is None:
                new_cls = _classes[old_cls] = _original_factory(old_cls, instantiate=False)
    return new_cls() if instantiate else new_cls


def install():
    # The managers look the factory up in the module each time (and pickled querysets
    # name it by its module path, which still resolves: this function is importable).
    manager.multilingual_queryset_factory = multilingual_queryset_factory
