"""The project's documented limits: how large an article file may be, and what dose in grams is plausible.

MAX_ARTICLE_BYTES. Every command reads articles through article_file.read_article, which refuses a larger
file before reading a byte of it. A very long web article is 20,000 words, about 130 kB (the length
at which the extractor is to warn that an article is unusually long); 5 MB is more than thirty
times that, so only a wrong file (a database dump, a whole saved site, a video) is refused, and
the extractor, which needs about 18 times its input in memory, stays under 100 MB per article.

PLAUSIBLE_MAX_DOSE_G. Published kratom doses run from about 1 to 15 g, and the largest amount an
article here names is "more than 25 grams"; a figure above 50 g in one dose is almost surely a
misread unit (milligrams) or a typing slip. Such a claim is still accepted, since an article may
print it, but the commands that write or check claims print a warning naming it (doses.py).

SHORT_ARTICLE_WORDS, LONG_ARTICLE_WORDS. The book's articles run from about 500 to 1,500 words.
Under 100 words a page is more likely a teaser, a cookie notice or a failed extraction than an
article; over 20,000 it is more likely a whole forum thread or several pages saved as one. Both
are still analysed, with a one-line warning (language.py), since a researcher may mean them.
"""

from __future__ import annotations

MAX_ARTICLE_BYTES = 5_000_000
PLAUSIBLE_MAX_DOSE_G = 50.0
SHORT_ARTICLE_WORDS = 100
LONG_ARTICLE_WORDS = 20_000
