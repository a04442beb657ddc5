"""Inputs that are not plain English UTF-8 (issue 12): other languages, other encodings,
other CSV delimiters, short and minified HTML pages. Invented texts throughout."""
from __future__ import annotations

import io
import sys
import warnings

import pytest

from saidwhat.io import check_text_column, read_articles, read_csv, read_html, read_text
from saidwhat.io.jsonl import article_record

EN = ('"We will rebuild the harbour within two years," Mayor Ilse Brandt said on Tuesday. '
      '"The berths are too old for the new ferries," added harbour master Tomas Wren, who has '
      'run the port for eleven years. The council will vote on the plan next month.')
FR = ("« Nous allons reconstruire le port d'ici deux ans », a déclaré mardi la maire Ilse Brandt "
      "lors d'une conférence de presse. « Les quais sont trop vieux pour les nouveaux ferries », a "
      "ajouté le capitaine du port, Tomas Wren, qui dirige le port depuis onze ans.")
DE = ("„Wir werden den Hafen innerhalb von zwei Jahren wieder aufbauen“, sagte Bürgermeisterin Ilse "
      "Brandt am Dienstag. „Die Liegeplätze sind zu alt für die neuen Fähren“, fügte Hafenmeister "
      "Tomas Wren hinzu, der den Hafen seit elf Jahren leitet.")
CP1252_TEXT = ("\u201cThe caf\u00e9 will reopen in May \u2013 we promise,\u201d said owner Ren\u00e9e "
               "Dufour on Monday. The repairs cost \u20ac40,000.")


class Collect(list):
    def __call__(self, item):
        self.append(item)


# --- Not English ---------------------------------------------------------------------------

def test_language_names_other_languages_and_passes_english():
    from saidwhat.language import foreign_language

    assert foreign_language(FR) == "French"
    assert foreign_language(DE) == "German"
    assert foreign_language(EN) is None


def test_language_skips_short_texts_and_reads_only_the_start():
    from saidwhat.language import SAMPLE_CHARS, foreign_language

    assert foreign_language(FR[:150]) is None          # under 200 characters: not checked
    assert foreign_language(EN * 20 + FR * 20) is None  # only the first ~1,000 characters
    assert len(EN * 20) > SAMPLE_CHARS


def test_warning_code_w005_exists():
    from saidwhat.errors import Warnings

    msg = Warnings.W005.format(what="Article 'a'", language="French")
    assert msg.startswith("[W005]") and "French" in msg


@pytest.mark.slow
def test_extract_warns_naming_the_language():
    import saidwhat

    with pytest.warns(UserWarning, match=r"\[W005\].*French"):
        saidwhat.extract(FR)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        saidwhat.extract(EN)  # no warning for English


# --- Encodings -----------------------------------------------------------------------------

def test_text_in_windows_1252_is_detected_and_reported(tmp_path):
    p = tmp_path / "cafe.txt"
    p.write_bytes(CP1252_TEXT.encode("cp1252"))
    bad, warned = Collect(), Collect()
    (art,) = read_text(p, on_error=bad, on_warning=warned)
    assert art.text == CP1252_TEXT and not bad
    assert len(warned) == 1 and "[W006]" in warned[0] and "cp1252" in warned[0] and "cafe.txt" in warned[0]


def test_latin_1_text_with_many_accented_letters_is_read_as_western(tmp_path):
    # charset-normalizer's first guess for this is the Baltic cp775 ("HķlĶne C¶tķ")
    text = ("La ministre Hélène Côté a dit : « Nous allons ouvrir le café à Montréal. » François "
            "Léger était là. ") * 3 + "José Núñez said it was a señal."
    p = tmp_path / "l1.txt"
    p.write_bytes(text.encode("latin-1"))
    warned = Collect()
    (art,) = read_text(p, on_warning=warned)
    assert art.text == text
    assert "cp1252" in warned[0]


def test_cyrillic_text_is_not_read_as_western(tmp_path):
    text = "Министр сказал, что кафе откроется в Москве в понедельник, и мэр согласился с ним. " * 3
    p = tmp_path / "ru.txt"
    p.write_bytes(text.encode("cp1251"))
    (art,) = read_text(p, on_warning=Collect())
    assert art.text == text


def test_text_encoding_given(tmp_path):
    p = tmp_path / "cafe.txt"
    p.write_bytes(CP1252_TEXT.encode("cp1252"))
    warned = Collect()
    (art,) = read_text(p, encoding="cp1252", on_warning=warned)
    assert art.text == CP1252_TEXT and not warned


def test_utf8_text_is_not_reported(tmp_path):
    p = tmp_path / "cafe.txt"
    p.write_text(CP1252_TEXT, encoding="utf-8")
    warned = Collect()
    (art,) = read_text(p, on_warning=warned)
    assert art.text == CP1252_TEXT and not warned


def test_csv_in_windows_1252_is_detected(tmp_path):
    p = tmp_path / "rows.csv"
    p.write_bytes(("id,text\nc1,\"" + CP1252_TEXT.replace('"', '""') + "\"\n").encode("cp1252"))
    warned = Collect()
    (art,) = read_csv(p, on_warning=warned)
    assert art.id == "c1" and art.text == CP1252_TEXT
    assert len(warned) == 1 and "cp1252" in warned[0]


def test_read_articles_passes_encoding(tmp_path):
    p = tmp_path / "cafe.txt"
    p.write_bytes("Caf\u00e9 \u00e0 Paris".encode("latin-1"))
    (art,) = read_articles([p], encoding="latin-1", on_warning=Collect())
    assert art.text == "Caf\u00e9 \u00e0 Paris"


# --- CSV delimiters ------------------------------------------------------------------------

SEMI = 'id;outlet;text\na1;Valley Gazette;"We will rebuild the bridge, she said; and soon."\na2;Hill Courier;Calm day.\n'


def test_csv_semicolons_are_sniffed(tmp_path):
    p = tmp_path / "rows.csv"
    p.write_text(SEMI, encoding="utf-8")
    arts = list(read_csv(p))
    assert [a.id for a in arts] == ["a1", "a2"]
    assert arts[0].text == "We will rebuild the bridge, she said; and soon."
    assert arts[0].meta == {"outlet": "Valley Gazette"}
    check_text_column(str(p), "csv", "text")  # the header is read with the same delimiter


def test_csv_delimiter_given(tmp_path):
    p = tmp_path / "rows.csv"
    p.write_text(SEMI.replace(";", "|"), encoding="utf-8")
    assert [a.id for a in read_csv(p, delimiter="|")] == ["a1", "a2"]


def test_csv_commas_stay_commas_when_text_has_semicolons(tmp_path):
    p = tmp_path / "rows.csv"
    p.write_text('text\n"One; two; three; four."\n"Five; six; seven."\n', encoding="utf-8")
    assert [a.text for a in read_csv(p)] == ["One; two; three; four.", "Five; six; seven."]


def test_csv_semicolons_on_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEMI.encode("utf-8"))))
    assert [a.id for a in read_csv("-")] == ["a1", "a2"]


# --- HTML ----------------------------------------------------------------------------------

MINIFIED = ("<html><head><title>Port plan</title></head><body><article><p>\u201cWe will rebuild the harbour "
            "within two years,\u201d said Mayor Ilse Brandt on Tuesday.</p><p>\u201cThe berths are too old "
            "for the new ferries,\u201d added harbour master Tomas Wren.</p></article></body></html>")


def test_minified_short_page_gives_each_paragraph_once(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(MINIFIED, encoding="utf-8")
    (art,) = read_html(p)
    assert art.text.count("rebuild the harbour") == 1
    assert art.text.count("berths are too old") == 1


def test_html_record_carries_its_text(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(MINIFIED, encoding="utf-8")
    (art,) = read_html(p)
    rec = article_record(art, [])
    assert rec["text"] == art.text and list(rec)[-2:] == ["quotes", "quoted_people"]


_DATED = ("<html><head><title>Harbour to reopen</title>{meta}</head><body><article><h1>Harbour to reopen</h1>"
          "<p>“We will reopen the harbour in spring,” Mayor Ilse Brandt said on Tuesday, presenting the "
          "town's 2025 budget to the council.</p><p>The harbour master, Tomas Wren, said the new berths "
          "were almost finished and that the ferries would return in April.</p><p>Residents welcomed the "
          "plan but said they wanted more details about the cost of the works.</p></article>"
          "<footer>© 2025 Harbour Times</footer></body></html>")


def test_html_without_a_stated_date_gets_none(tmp_path):
    # a year in the body or a copyright line is no publication date
    p = tmp_path / "page.html"
    p.write_text(_DATED.format(meta=""), encoding="utf-8")
    (art,) = read_html(p)
    assert "date" not in art.meta


def test_html_with_a_stated_date_keeps_it(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(_DATED.format(meta='<meta property="article:published_time" content="2024-03-05T10:00:00Z">'),
                 encoding="utf-8")
    (art,) = read_html(p)
    assert art.meta["date"] == "2024-03-05"


def test_text_record_carries_no_text(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(EN, encoding="utf-8")
    (art,) = read_text(p)
    assert "text" not in article_record(art, [])


def test_repeated_paragraphs():
    from saidwhat.io.html import drop_repeated_paragraphs as drop

    assert drop("A long paragraph one here.\nB second paragraph here.\nA long paragraph one here.\n"
                "B second paragraph here.") == "A long paragraph one here.\nB second paragraph here."
    assert drop("\u201cNo,\u201d he said.\n\u201cNo,\u201d he said.") == "\u201cNo,\u201d he said."
    assert drop("Yes.\nNo.\nYes.\nThen something else entirely.") == "Yes.\nNo.\nYes.\nThen something else entirely."


def test_warc_records_carry_their_text(tmp_path):
    pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from saidwhat.io import read_warc

    p = tmp_path / "crawl.warc.gz"
    with open(p, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record("https://gazette.example/port", "response",
                                            payload=io.BytesIO(MINIFIED.encode()), http_headers=http))
    (art,) = read_warc(p)
    assert art.text.count("berths are too old") == 1
    assert article_record(art, [])["text"] == art.text
