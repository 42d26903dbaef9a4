"""Pipeline stages, one module each, registered by name and version (see ``wirecoder.stage``).

A stage module is imported when a config names it: ``places.v1`` lives in ``stages/places.py``.
"""
