"""Bring documents in: a tjänsteutlåtande or an agenda (text, PDF, DOCX) → items.

Pure core: no Textual. `import_item_from_file` is the entry point for the app and the
`import-text` command; `parse_report` and `parse_agenda` work on text.
"""

from namndtui.importing.files import ImportResult, import_item_from_file
from namndtui.importing.report import Dropped, ReportParse, parse_report

__all__ = ["Dropped", "ImportResult", "ReportParse", "import_item_from_file", "parse_report"]
