"""Everything the generator hands to MkDocs, written by the one writer into the docs directory."""

from __future__ import annotations

from generator.config import PortalConfig
from generator.enrich.enrichment import Enrichment
from generator.load.corpus import Corpus
from generator.memo import Memo
from generator.publish.exports import table_files
from generator.publish.mkdocs_config import generated_config
from generator.publish.opendata import data_files
from generator.publish.search_data import search_files
from generator.publish.targets import DOCS_MARKER, MARKER_TEXT
from generator.publish.writer import Writer
from generator.render import urls
from generator.render.environment import Page


def write_docs(config: PortalConfig, corpus: Corpus, enrichment: Enrichment, pages: list[Page], nav: list,
               memo: Memo | None = None) -> Writer:
    """Pages, their downloads, open data, the search index and the generated mkdocs.yml; stale files removed.

    Every output is made first and written in one burst afterwards: a preview (mkdocs serve) watching the
    docs directory then rebuilds once, on complete docs, instead of while downloads are still being made.
    """
    outputs: list[tuple[str, str | bytes]] = [(DOCS_MARKER, MARKER_TEXT)]
    for page in pages:
        outputs.append((page.path, page.markdown))
        outputs.extend(table_files(page.downloads, memo).items())
    outputs.extend(data_files(corpus, enrichment).items())
    outputs.extend((f"{urls.SEARCH_DATA}/{path}", text) for path, text in
                   search_files(corpus, pages, enrichment.vocabulary, memo).items())
    mkdocs_yml = generated_config(config, nav)
    writer = Writer(config.docs_dir)
    for path, content in outputs:
        writer.write(path, content)
    writer.remove_stale()
    writer.write_outside(config.generated_mkdocs_yml, mkdocs_yml)
    return writer
