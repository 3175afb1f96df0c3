"""Cross-checking engine: groups articles into stories, aligns figures across a
story's articles (agree / conflict) and finds in-article inconsistencies.

Plain Python (no Django import). Entry points:

- ``stories.fingerprint``, ``stories.similarity``, ``stories.StoryIndex`` to group articles;
- ``align.cross_check(articles)`` for agree / conflict findings inside one story;
- ``consistency.check_article(article)`` for in-article inconsistencies;
- ``engine.check_story(articles)`` for both at once, ``cli.finding_rows`` for JSON rows.
"""

from claims.checking.model import Article, FigureRef, Finding

__all__ = ["Article", "FigureRef", "Finding"]
