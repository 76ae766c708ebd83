"""Dialogs: a small family of ModalScreen[T] (forms, pickers, vote, errors)."""
