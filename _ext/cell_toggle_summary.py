"""Give a hidden notebook cell's toggle the name a reader sees on it.

myst-nb 1.4 labels the <summary> of every `hide-input`/`hide-output`/`hide-cell` cell
"Toggle hidden content" while it shows "Show code cell output": a visible label that is not
part of the accessible name fails WCAG 2.5.3 (Label in Name), and speech-input users cannot
say what they see. Without the aria-label the name is the visible prompt itself.

Works around: myst-nb's own visitor for HideCodeCellNode (myst_nb/sphinx_.py, the
`<summary aria-label="Toggle hidden content">` line), unchanged in myst-nb 1.4.0, the latest
release in November 2026. No upstream issue was found for it (searched executablebooks/MyST-NB);
report it there. It also imports myst_nb.sphinx_.HideCodeCellNode, an internal name, so a myst-nb
release can break it (pyproject.toml keeps myst-nb below 2).
Delete this file when myst-nb no longer sets that aria-label (or sets it to the visible prompt):
build, and check a hidden cell's <summary> by hand or with axe-core's label-content-name-mismatch
rule, which is experimental and so not in the browser tests' default axe run.
"""

from __future__ import annotations

from html import escape

from myst_nb.sphinx_ import HideCodeCellNode


def visit_hidden_cell(self, node: HideCodeCellNode) -> None:
    classes = " ".join(node["classes"])
    self.body.append(f'<details class="admonition hide {classes}">\n<summary>\n')
    self.body.append(f'<p class="collapsed admonition-title">{escape(node["prompt_show"])}</p>\n')
    self.body.append(f'<p class="expanded admonition-title">{escape(node["prompt_hide"])}</p>\n')
    self.body.append("</summary>\n")


def depart_hidden_cell(self, node: HideCodeCellNode) -> None:
    self.body.append("</details>\n")


def setup(app):
    app.setup_extension("myst_nb")
    handlers = (visit_hidden_cell, depart_hidden_cell)
    # Sphinx looks handlers up by builder name before format; another extension registers
    # singlehtml handlers, so the single-page build (`make pdf`) needs its own entry.
    app.add_node(HideCodeCellNode, override=True, html=handlers, singlehtml=handlers)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
