"""The round as web pages (issue 16): `tablero.html` (and `tablero_publico.html` from the
public edition) — one self-contained file each, its CSS, JavaScript and SVG charts
inside, no request to any address — and the annual report's page, all from the Jinja2
templates of templates/ (autoescape on: no input text becomes markup). render.py is the
environment, charts.py the SVG charts' geometry, tables.py a table's cells as shown,
dashboard.py what the dashboard says, matrix.py the matrix as the page's script reads it."""
