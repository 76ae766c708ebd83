"""namndtui: the secretary's tool for a Swedish municipal board meeting."""

__version__ = "0.1.0"
