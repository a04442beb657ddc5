"""saidwhat: who said what, in the news.

Quotation extraction and speaker attribution for English news articles::

    import saidwhat
    for q in saidwhat.extract(text):
        print(q.speaker, q.cue, q.quote)
"""
from .api import extract, extract_entities, extract_many, load
from .model import RECORD_FIELDS, EntityRecord, Quote
from .pipeline import component as _component  # noqa: F401  (registers the "saidwhat" factory)

__version__ = "0.1.0"
__all__ = ["extract", "extract_entities", "extract_many", "load", "Quote", "EntityRecord", "RECORD_FIELDS",
           "__version__"]
