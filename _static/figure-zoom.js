// Click or tap a figure to see it at full size: phones show the book's charts shrunk to the
// screen, and a dialog at full size (scrolled if wider than the screen) makes them readable.
// Written here rather than taken from a lightbox library because it is a dozen lines and the
// book must work offline. Without JavaScript the figures are shown as before, with no button.
document.addEventListener("DOMContentLoaded", () => {
  const dialog = document.createElement("dialog");
  dialog.className = "kc-zoom-dialog";
  dialog.setAttribute("aria-label", "Figure at full size");
  const close = document.createElement("button");
  close.type = "button";
  close.textContent = "Close";
  close.addEventListener("click", () => dialog.close());
  dialog.append(close, document.createElement("br"));
  dialog.addEventListener("click", (event) => {
    if (event.target === dialog) dialog.close();
  });
  document.body.append(dialog);
  document.querySelectorAll("figure.kc-figure > img").forEach((img) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "kc-zoom";
    button.setAttribute("aria-label", "Enlarge figure: " + img.alt);
    img.replaceWith(button);
    button.append(img);
    button.addEventListener("click", () => {
      // A copy is made on each click, so the page holds no image without a source.
      dialog.querySelector("img")?.remove();
      const big = img.cloneNode();
      dialog.append(big);
      dialog.showModal();
    });
  });
});
