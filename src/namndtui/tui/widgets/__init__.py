"""Widgets of the meeting screen: agenda, item view, status line."""
