// A table wider than the text column scrolls sideways inside its own box (_static/article.css).
// Keyboard users can scroll it only if it can take focus (WCAG 2.1.1), so a table that overflows
// gets tabindex=0, checked again when the window is resized or a folded table is opened.
function markScrollableTables() {
  document.querySelectorAll("table.kc-table").forEach((table) => {
    if (table.scrollWidth > table.clientWidth + 1) {
      table.tabIndex = 0;
    } else {
      table.removeAttribute("tabindex");
    }
  });
}
document.addEventListener("DOMContentLoaded", markScrollableTables);
window.addEventListener("resize", markScrollableTables);
document.addEventListener("toggle", markScrollableTables, true);
