"""The HTTP API and dashboard (``tidings serve``); needs the ``serve`` extra.

>>> from tidings.web import create_app
>>> app = create_app("tidings.db")
"""

from tidings.web.app import create_app

__all__ = ["create_app"]
