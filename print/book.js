// Turns the single-page book into a printed book: a title page, a contents list, and chapter
// numbers, from the table of contents that scripts/make_pdf.py passes in. Chapters are found by
// the anchors Sphinx's single-page builder gives each document ("document-notebooks/01_corpus").
(book) => {
  const article = document.querySelector('article.bd-article');
  const element = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const headingOf = (file) => {
    const anchor = document.getElementById('document-' + file);
    const section = anchor && anchor.nextElementSibling;
    return section ? section.querySelector('h1, h2') : null;
  };
  const missing = [];
  const contents = element('nav', 'kc-contents');
  contents.setAttribute('aria-label', 'Contents');
  contents.append(element('h1', '', 'Contents'));
  const list = element('ol');
  let number = 0;
  for (const part of book.parts) {
    list.append(element('li', 'kc-part', part.caption));
    for (const file of part.files) {
      const heading = headingOf(file);
      if (!heading) { missing.push(file); continue; }
      number += 1;
      heading.closest('section').classList.add('kc-chapter');
      // Sphinx numbers the chapters itself ("1. The articles"); the printed label says it once.
      const sphinxNumber = heading.querySelector('.section-number');
      if (sphinxNumber) sphinxNumber.remove();
      const title = heading.textContent.replace(/#$/, '').trim();
      heading.prepend(element('span', 'kc-chapter-number', 'Chapter ' + number));
      const item = element('li');
      const link = element('a', '', number + '. ' + title);
      link.href = '#document-' + file;
      item.append(link);
      list.append(item);
    }
  }
  contents.append(list);
  const titlePage = element('section', 'kc-title-page');
  titlePage.append(element('h1', '', book.title));
  titlePage.append(element('p', '', book.author));
  titlePage.append(element('p', '', 'Version ' + book.version + ' · ' + book.date));
  titlePage.append(element('p', '', book.note));
  article.prepend(titlePage, contents);
  // Links written for the multi-page book ("../book/bibliography.html#cite-ng2021") point at a
  // file the PDF does not have; where the target is on this page, link to it here instead.
  for (const link of document.querySelectorAll('a[href*="#"]:not([href^="#"])')) {
    const target = decodeURIComponent(link.getAttribute('href').split('#')[1]);
    if (document.getElementById(target)) link.setAttribute('href', '#' + target);
  }
  return {chapters: number, missing: missing};
}
