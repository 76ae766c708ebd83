"""The minutes (protokoll): TOML, Markdown, HTML, extracts, dates and § numbering.

No Textual here. Entry points:
- `Minutes(meeting, state)` (model.py); protokoll.toml: `render_toml(minutes)`
  (protokoll_write.py) and `load_protokoll(path)` (protokoll_read.py), with the format's
  constants (protokoll_format.py), the TOML text writer (toml_text.py) and the checksums
  and seal (seal.py)
- `build_document(minutes, settings)` (document.py): the minutes document, built once;
  Markdown/HTML are its Jinja2 renderings (render.py, templates/<layout>/)
- `write_minutes(meeting, state, folder, html=False)` (write.py) for the TUI and the CLI
- `render_paragraph_markdown(meeting, state, item_id)` (markdown.py): one § as it will read
- `render_extract(minutes, number)` (extract.py)
- `with_numbering(meeting, folder)` (numbering.py): § numbers continued across the year
"""
