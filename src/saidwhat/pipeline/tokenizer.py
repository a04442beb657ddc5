"""saidwhat.pipeline.tokenizer: invisible characters are tokens of their own, a double
hyphen against a bracket is one, and abbreviated ranks and company words ("Cpl.",
"Cos.") are one token; a word with a typographic apostrophe inside it has the norm of
its straight form (:func:`straight_apostrophe_norms`, the ``saidwhat_norms`` component).

Scraped news carries characters that do not print: zero-width spaces and joiners,
word joiners, byte-order marks, soft hyphens, NUL. spaCy's English tokenizer keeps
them inside the word they touch ("said.\\u200b" is one token), so the cue "said" or
a name ("Jane\\u200b") is no longer recognised and the quotation is lost or
misattributed. :func:`split_invisible` extends the loaded tokenizer's own prefix,
suffix rules so that each such character is split off as a token at a word's edge
(and a zero-width space, BOM or NUL also inside a word). The
text, and so every character offset, is unchanged; a pipeline saved with
``nlp.to_disk`` keeps the extended rules.
"""
from __future__ import annotations

import re

from spacy.language import Language

#: Characters split off: ZWSP, ZWNJ, ZWJ, word joiner, BOM / ZWNBSP, soft hyphen, NUL.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\x00"
_CLASS = "[" + "".join(re.escape(c) for c in INVISIBLE) + "]"
#: Inside a word only the ones that mark a break (a soft hyphen, a joiner or a word
#: joiner inside a word belongs to it: "infor\u00admation").
_INFIX = "[" + "".join(re.escape(c) for c in "\u200b\ufeff\x00") + "]"


def _pattern(search) -> str | None:
    owner = getattr(search, "__self__", None)
    return owner.pattern if isinstance(owner, re.Pattern) else None


def split_invisible(nlp: Language) -> None:
    """Make ``nlp``'s tokenizer split the :data:`INVISIBLE` characters off as tokens.

    Args:
        nlp: A loaded pipeline whose tokenizer has regex prefix/suffix/infix rules
            (spaCy's rule-based ``Tokenizer``); any other tokenizer is left alone.

    Returns:
        None; the tokenizer is changed in place (once: a second call does nothing).
    """
    tok = nlp.tokenizer
    pre, suf, inf = (_pattern(getattr(tok, a, None)) for a in ("prefix_search", "suffix_search", "infix_finditer"))
    if pre is None or suf is None or inf is None or _CLASS in suf:
        return
    tok.prefix_search = re.compile(f"^{_CLASS}|{pre}").search
    tok.suffix_search = re.compile(f"{_CLASS}$|{suf}").search
    tok.infix_finditer = re.compile(f"{_INFIX}|{inf}").finditer


#: A double hyphen against a bracket, inside one whitespace-delimited chunk: the press
#: wires' dateline "MINNEAPOLIS--(BUSINESS WIRE)--Harlow & Pike" (spaCy splits "--"
#: between letters, "plan--which", but not next to a bracket).
_BRACKET_DASHES = r"-{2,}(?=[(\[])|(?<=[)\]])-{2,}"


def split_bracket_dashes(nlp: Language) -> None:
    """Make ``nlp``'s tokenizer split a double hyphen against a bracket off as a token
    (:data:`_BRACKET_DASHES`); the text and every offset are unchanged. A tokenizer
    without regex infix rules is left alone; a second call does nothing."""
    tok = nlp.tokenizer
    inf = _pattern(getattr(tok, "infix_finditer", None))
    if inf is None or _BRACKET_DASHES in inf:
        return
    tok.infix_finditer = re.compile(f"{_BRACKET_DASHES}|{inf}").finditer


#: Abbreviations with a full stop that spaCy's English exceptions lack (spaCy has "Inc.",
#: "Corp.", "Co.", "Ltd.", "Bros.", "Gov.", "Sen.", "Rep.", "Lt." ...): ranks and titles
#: news writes before a name (AP Stylebook, "abbreviations" and "military titles";
#: the RCMP's and Canadian police forces' ranks: Cst., Cpl., S/Sgt., Insp., Supt.) and
#: the AP's company words ("Cos.", "Assn.", "Dept."). Without them "Cpl." ends a
#: sentence and "Cpl" becomes the speaker of "said Cpl. Dana Whitford".
ABBREVIATIONS_V1 = tuple("""Cpl. Cst. Const. Sgt. S/Sgt. Det. Supt. Insp. Cmdr. Cmdt. Pte. Pvt. Spc. Adm. Hon.
Atty. Cllr. Coun. Assn. Dept. Cos. Mfg. Intl. Natl. Univ. Twp. Dist. Lic. Licda. Ing. Arq. Engr.""".split())


def add_abbreviations(nlp: Language) -> None:
    """Make each of :data:`ABBREVIATIONS_V1` one token in ``nlp``'s tokenizer, and "X."
    two (the platform ending a sentence, not an initial): tokenizer special cases; the
    text and every offset are unchanged. A tokenizer without special cases is left
    alone."""
    add = getattr(nlp.tokenizer, "add_special_case", None)
    if add is None:
        return
    for word in ABBREVIATIONS_V1:
        add(word, [{"ORTH": word}])
    # "posted on X." ends a sentence: the platform formerly Twitter, which news names as a
    # channel; spaCy's exceptions keep every capital letter with its full stop as an
    # initial, and "X" is a rare initial in names
    add("X.", [{"ORTH": "X"}, {"ORTH": "."}])


#: A name with a typographic apostrophe inside it ("O’Neill", "D’Arcy", "d’Entremont",
#: "Got’ine"): a capitalised word, or one lower-case letter before a capitalised part; not
#: a contraction's part ("n’t", whose norm is "not").
_CURLY_IN_WORD = re.compile(r"[^\W\d_]*[A-ZÀ-Þ][^\W\d_]*[’‘][^\W\d_]+|[a-z][’‘][A-ZÀ-Þ][^\W\d_]+")


def straight_apostrophe_norms(doc):
    """Give each word with a typographic apostrophe inside it the norm of its form with a
    straight one ("O’Neill" reads as "O'Neill"): the tagger, parser and NER see the
    norm, and the small English models learnt names from text with straight apostrophes
    (with the curly one, "O’Neill told reporters" is tagged an adverb and loses its
    subject). The text, and so every offset, is unchanged.

    Args:
        doc: A Doc before its tagger, parser and NER have run.

    Returns:
        The same Doc.
    """
    vocab = doc.vocab
    for t in doc:
        if ("’" in t.text or "‘" in t.text) and _CURLY_IN_WORD.fullmatch(t.text):
            t.norm_ = vocab[t.text.replace("’", "'").replace("‘", "'")].norm_
    return doc


@Language.component("saidwhat_norms", assigns=["token.norm"])
def norms_component(doc):
    """The ``saidwhat_norms`` component: :func:`straight_apostrophe_norms`."""
    return straight_apostrophe_norms(doc)


def use_straight_apostrophe_norms(nlp: Language) -> None:
    """Add ``saidwhat_norms`` first in ``nlp`` (before the models that read norms) unless
    it is there already."""
    if "saidwhat_norms" not in nlp.pipe_names:
        nlp.add_pipe("saidwhat_norms", first=True)
