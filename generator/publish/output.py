"""Everything the generator hands to MkDocs, written by the one writer into the docs directory."""

from __future__ import annotations

from generator.config import PortalConfig
from generator.enrich.enrichment import Enrichment
from generator.load.corpus import Corpus
from generator.publish.exports import table_files
from generator.publish.mkdocs_config import generated_config
from generator.publish.opendata import data_files
from generator.publish.search_data import search_files
from generator.publish.targets import DOCS_MARKER, MARKER_TEXT
from generator.publish.writer import Writer
from generator.render import urls
from generator.render.environment import Page


def write_docs(config: PortalConfig, corpus: Corpus, enrichment: Enrichment, pages: list[Page], nav: list) -> Writer:
    """Pages, their downloads, open data, the search index and the generated mkdocs.yml; stale files removed."""
    writer = Writer(config.docs_dir)
    writer.write(DOCS_MARKER, MARKER_TEXT)
    for page in pages:
        writer.write(page.path, page.markdown)
        writer.write_all(table_files(page.downloads))
    writer.write_all(data_files(corpus, enrichment))
    writer.write_all(search_files(corpus, pages, enrichment.vocabulary), under=urls.SEARCH_DATA)
    writer.remove_stale()
    writer.write_outside(config.generated_mkdocs_yml, generated_config(config, nav))
    return writer
