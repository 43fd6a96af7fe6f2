"""The HTTP face of the service: the Flask app factory, the reading page renderer and their templates."""

from .app import create_app

__all__ = ["create_app"]
