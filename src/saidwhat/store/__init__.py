"""saidwhat.store: the DuckDB corpus store (:mod:`.duckdb`) and its queries (:mod:`.queries`)."""
from .duckdb import connect, load_records, parse_date, write_records
from .queries import find_quotes, quoted_people, sources, stats, top_speakers

__all__ = ["connect", "load_records", "parse_date", "write_records", "top_speakers", "find_quotes", "stats",
           "sources", "quoted_people"]
