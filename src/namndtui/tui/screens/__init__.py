"""Screens of the app: the live meeting (and review mode), help."""
