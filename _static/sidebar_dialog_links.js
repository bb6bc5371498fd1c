/* Below 960 px the theme shows the book's menu and the page's contents in a modal dialog, and
   leaves it open when a reader taps a link in it: a link to a section of the same page then
   scrolls the page behind the dialog, and the reader sees no change. Closing the dialog on any
   link click lets the browser follow the link to what it names. (pydata-sphinx-theme 0.17 closes
   the dialog only on a click on its backdrop or on Escape.) */
document.addEventListener("click", (event) => {
  const link = event.target.closest("dialog a[href]");
  if (link) {
    link.closest("dialog").close();
  }
});
