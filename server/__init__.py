"""Declutter: a reading view for news pages.

`clean(html, url, options)` runs the whole pipeline without Flask; `create_app()` serves it over HTTP.
"""

__version__ = "0.1.0"

from .pipeline import CleanResult, Options, clean

__all__ = ["CleanResult", "Options", "__version__", "clean"]
