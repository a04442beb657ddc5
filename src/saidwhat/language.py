"""saidwhat.language: a cheap check that an article is in English.

saidwhat's rules and the default spaCy pipeline are for English: on text in another
language they find no quotation, silently. :func:`foreign_language` names the
language of such a text so that callers can warn (``[W005]``) instead.

It uses `py3langid <https://pypi.org/project/py3langid/>`_ (BSD-3-Clause), a
naive-Bayes identifier of 97 languages whose model ships in the wheel (no download);
it is loaded once, on first use (about 0.3 s). Only the first
:data:`SAMPLE_CHARS` characters are looked at (about 0.3 ms), and texts shorter than
:data:`MIN_CHARS` are not checked: too short to tell reliably.
"""
from __future__ import annotations

import threading

#: Texts with fewer non-space characters than this are not checked.
MIN_CHARS = 200
#: Only this many characters from the start of a text are classified.
SAMPLE_CHARS = 1000
#: A language other than English is reported only at this probability or above.
MIN_PROBABILITY = 0.95

#: English names of the commonest of py3langid's languages (ISO 639-1 codes).
LANGUAGE_NAMES = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali", "ca": "Catalan",
    "cs": "Czech", "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek", "eo": "Esperanto",
    "es": "Spanish", "et": "Estonian", "eu": "Basque", "fa": "Persian", "fi": "Finnish",
    "fr": "French", "ga": "Irish", "gl": "Galician", "he": "Hebrew", "hi": "Hindi",
    "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian", "is": "Icelandic", "it": "Italian",
    "ja": "Japanese", "ko": "Korean", "la": "Latin", "lt": "Lithuanian", "lv": "Latvian",
    "mt": "Maltese", "ms": "Malay", "nb": "Norwegian", "nl": "Dutch", "nn": "Norwegian Nynorsk",
    "no": "Norwegian", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian",
    "sk": "Slovak", "sl": "Slovenian", "sq": "Albanian", "sr": "Serbian", "sv": "Swedish",
    "sw": "Swahili", "ta": "Tamil", "th": "Thai", "tl": "Tagalog", "tr": "Turkish",
    "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese", "zh": "Chinese",
}

_identifier = None
_lock = threading.Lock()


def _get_identifier():
    global _identifier
    if _identifier is None:
        with _lock:
            if _identifier is None:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return _identifier


def language_name(code: str) -> str:
    """The English name of an ISO 639-1 code (the code itself when unknown)."""
    return LANGUAGE_NAMES.get(code, code)


def detect_language(text: str) -> tuple[str, float] | None:
    """The language of the start of ``text`` and its probability, e.g. ``("fr", 0.99)``.

    Returns ``None`` for texts with fewer than :data:`MIN_CHARS` non-space characters
    or when py3langid is not installed.
    """
    sample = text[:SAMPLE_CHARS]
    if len(text) < MIN_CHARS or sum(not c.isspace() for c in sample) < MIN_CHARS:
        return None
    try:
        ident = _get_identifier()
    except ImportError:
        return None
    code, prob = ident.classify(sample)
    return str(code), float(prob)


def foreign_language(text: str) -> str | None:
    """The name of the language of ``text`` when it is confidently not English, else ``None``.

    Cheap: only the first :data:`SAMPLE_CHARS` characters are classified, and texts
    under :data:`MIN_CHARS` characters are not checked.
    """
    found = detect_language(text)
    if found is None:
        return None
    code, prob = found
    if code == "en" or prob < MIN_PROBABILITY:
        return None
    return language_name(code)
