"""`lazy_module`: a module whose import cost comes on its first use (after the first frame)."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from types import ModuleType


def lazy_module(name: str) -> ModuleType:
    """The module NAME, executed on its first attribute access (importlib's LazyLoader).

    For modules the screens need only when a key acts (the record's events), so their
    import cost comes after the first frame. An already imported module is returned as is.
    """
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:  # pragma: no cover - a packaging error
        return importlib.import_module(name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module
