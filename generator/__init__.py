"""Agenda: a static website generator for meeting agendas."""

__version__ = "0.1.0"
