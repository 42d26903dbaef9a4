"""Pipeline stages, one package each, registered by name and version (see ``wirecoder.stage``).

A stage package is imported when a config names it: ``places.v1`` lives in ``stages/places/``.
Its internals are private modules inside it; another stage uses only the names its
``__init__`` exports.
"""
