"""saidwhat.batch: corpus runs with worker processes, progress and resume.

See :func:`run_corpus` (the engine of ``saidwhat extract``) and
:func:`extract_articles` (the streaming core, usable from Python).
"""
from .runner import RunStats, UsageError, extract_articles, finalize, run_corpus

__all__ = ["RunStats", "UsageError", "extract_articles", "finalize", "run_corpus"]
