"""Notes and summary in the article's language: every catalogue passes the closed schema,
and the same reader-visible behaviour holds in each language (the expected wording is
written out here, per language, as a reader of that language should see it)."""
from __future__ import annotations

import copy
import tomllib

import pytest

from attribution_articles import build_article
from sourcelight.pipeline import annotate_page
from sourcelight.pipeline.attribution import attribute_article, summarize_sourcing
from sourcelight.pipeline.attribution.lexicon import available_languages
from sourcelight.pipeline.attribution.messages import (
    MessagesError, catalogue_languages, catalogue_path, compile_messages, messages_for,
)
from sourcelight.pipeline.attribution.summary import sources_sentence

LANGUAGES = ("en", "de", "fr", "es", "ru")

# Per language: an article whose last sentence rests on anonymous sources and is hedged,
# what the note must say about it, and the headline of an article with no source at all.
CASES = {
    "en": {
        "anonymous": [["The minister allegedly took bribes, sources said."]],
        "hedge": "allegedly", "kind_words": "anonymous source",
        "named": [["Anna Berg said the plan was sound."], ["Tom Lee said it was not."]],
        "named_headline_end": "2 named people speak on the record.",
        "no_source": "None of the 2 claims names a source.",
    },
    "de": {
        "anonymous": [["Der Minister soll Schmiergeld angenommen haben, sagten Quellen aus dem Ministerium."]],
        "hedge": "soll", "kind_words": "anonyme Quelle",
        "named": [["Angela Merkel sagte, die Gespräche seien gescheitert."],
                  ["Olaf Scholz sagte, sie gingen weiter."]],
        "named_headline_end": "2 namentlich genannte Personen kommen zu Wort.",
        "no_source": "Keine der 2 Aussagen nennt eine Quelle.",
    },
    "fr": {
        "anonymous": [["Le ministre aurait touché des pots-de-vin, selon des sources proches du dossier."]],
        "hedge": "aurait", "kind_words": "source anonyme",
        "named": [["Emmanuel Macron a déclaré que le plan était solide."],
                  ["Marine Le Pen a déclaré le contraire."]],
        "named_headline_end": "2 personnes nommées s’expriment publiquement.",
        "no_source": "Aucune des 2 affirmations ne cite de source.",
    },
    "es": {
        "anonymous": [["El ministro habría cobrado sobornos, según fuentes cercanas a la investigación."]],
        "hedge": "habría", "kind_words": "fuente anónima",
        "named": [["Pedro Sánchez dijo que el plan era sólido."], ["Alberto Núñez Feijóo dijo lo contrario."]],
        "named_headline_end": "2 personas hablan con nombre y apellido.",
        "no_source": "Ninguna de las 2 afirmaciones nombra una fuente.",
    },
    "ru": {
        "anonymous": [["Источник, знакомый с ситуацией, сообщил, что министр якобы брал взятки."]],
        "hedge": "якобы", "kind_words": "анонимный источник",
        "named": [["Владимир Путин заявил, что план надёжен."], ["Дмитрий Песков заявил, что это не так."]],
        "named_headline_end": "2 человека высказываются под своим именем.",
        "no_source": "Источник не назван ни в одном утверждении (всего: 2).",
    },
}
NO_SOURCE_ARTICLE = {
    "en": [["The sun rose at six."], ["It was a quiet day."]],
    "de": [["Die Sonne ging um sechs Uhr auf."], ["Es war ein ruhiger Tag."]],
    "fr": [["Le soleil s’est levé à six heures."], ["La journée était calme."]],
    "es": [["El sol salió a las seis."], ["Fue un día tranquilo."]],
    "ru": [["Солнце взошло в шесть утра."], ["День был тихим."]],
}


def _annotate(paragraphs, language):
    article, sentences = build_article(paragraphs)
    claims = attribute_article(article, sentences, language)
    return claims, summarize_sourcing(claims, language)


def test_every_language_with_a_lexicon_has_a_catalogue():
    assert set(available_languages()) <= set(catalogue_languages())


@pytest.mark.parametrize("language", catalogue_languages())
def test_catalogue_loads_and_names_its_language(language):
    assert messages_for(language).language == language


@pytest.mark.parametrize("language", ["it", "zh", "", None, "../en", "EN"])
def test_a_language_without_catalogue_gets_english(language):
    assert messages_for(language).language == "en"


@pytest.mark.parametrize("language", LANGUAGES)
def test_note_of_a_hedged_anonymous_claim_is_in_the_articles_language(language):
    case = CASES[language]
    claims, _ = _annotate(case["anonymous"], language)
    note = claims[-1].note
    assert claims[-1].sourcing.kind.value == "anonymous"
    assert case["kind_words"] in note
    assert note.count(case["hedge"]) == 1  # named once, never "Hedged: x … Hedged: x"
    if language != "en":
        assert "Rests on" not in note and "Hedged" not in note


@pytest.mark.parametrize(("language", "sentence", "hedge"), [
    ("en", "It is alleged that the minister took bribes.", "alleged"),
    ("fr", "Le ministre, dit-on, a touché des pots-de-vin.", "dit-on"),
    ("ru", "Министр, как полагают, якобы брал взятки.", "якобы"),
])
def test_a_hedge_that_is_the_source_itself_is_not_repeated(language, sentence, hedge):
    claims, _ = _annotate([[sentence]], language)
    assert claims[0].hedges == (hedge,)
    assert claims[0].note.casefold().count(hedge) == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_headline_counts_named_people_in_the_articles_language(language):
    _, summary = _annotate(CASES[language]["named"], language)
    assert summary.headline.endswith(CASES[language]["named_headline_end"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_headline_of_an_article_without_sources_in_the_articles_language(language):
    _, summary = _annotate(NO_SOURCE_ARTICLE[language], language)
    assert summary.headline == CASES[language]["no_source"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_sources_line_lists_named_sources_in_the_articles_language(language):
    _, summary = _annotate(CASES[language]["named"], language)
    line = sources_sentence(summary, language)
    assert all(f"{s.name} (1)" in line for s in summary.named_sources) and summary.named_sources
    if language != "en":
        assert "Named sources" not in line


@pytest.mark.parametrize(("count", "expected"), [
    (1, "1 утверждение опирается"), (3, "3 утверждения опираются"), (5, "5 утверждений опираются"),
    (21, "21 утверждение опирается"), (12, "12 утверждений опираются"),
])
def test_russian_counts_take_the_right_plural_form(count, expected):
    assert messages_for("ru").plural("summary.anonymous_claims", count).startswith(expected)


def test_note_on_an_article_in_a_language_without_lexicon_is_english():
    claims, summary = _annotate([["Il ministro ha detto che i prezzi scenderanno."]], "it")
    assert claims[0].note == "Sourcing analysis is not available for this language (it)."
    assert summary.headline == "Sourcing analysis is not available for this language (it)."


def _data(language: str) -> dict:
    return tomllib.loads(catalogue_path(language).read_text(encoding="utf-8"))


@pytest.mark.parametrize("mutate", [
    lambda d: d["notes"].pop("denial"),
    lambda d: d["notes"].update(deniall="Reports a denial."),
    lambda d: d.update(extra={"x": "y"}),
    lambda d: d["notes"]["kind"].pop("vague"),
    lambda d: d["notes"].update(links="Links somewhere."),
    lambda d: d["notes"].update(links="Links to {hosts} and {site}."),
    lambda d: d["notes"].update(links="Links to {hosts"),
    lambda d: d["notes"].update(denial=""),
    lambda d: d["notes"].update(denial="Reports  a denial."),
    lambda d: d["notes"].update(denial=3),
    lambda d: d["summary"].update(no_source="None of the {count} claims names a source."),
    lambda d: d["summary"]["no_source"].pop("one"),
    lambda d: d["summary"]["no_source"].update(few="{count} claims"),
    lambda d: d["summary"]["non_responses"].update(one="A non-response.", other="Non-responses."),
    lambda d: d["meta"].update(language="xx-invalid!"),
], ids=["missing-key", "unknown-key", "unknown-section", "missing-kind", "dropped-placeholder",
        "unknown-placeholder", "broken-placeholder", "empty", "double-space", "not-a-string",
        "plural-as-text", "missing-plural-form", "foreign-plural-form", "count-never-used", "bad-language"])
def test_schema_rejects_broken_catalogues(mutate):
    data = copy.deepcopy(_data("en"))
    mutate(data)
    with pytest.raises(MessagesError):
        compile_messages(data, "broken.toml")


GERMAN_PAGE = """<!doctype html><html lang="de"><head><title>Klinikum streicht Stellen</title></head><body>
<nav><a href="/">Startseite</a> <a href="/politik">Politik</a></nav>
<article><h1>Klinikum streicht Stellen in der Pflege</h1>
<p>Das städtische Klinikum will bis zum Ende des Jahres achtzig Stellen in der Pflege abbauen.
Die Geschäftsführung begründet den Schritt mit den stark gestiegenen Kosten für Energie und Personal.</p>
<p>„Wir haben keine andere Wahl“, sagte Klinikchefin Sabine Roth am Dienstag vor dem Stadtrat.
Betriebsbedingte Kündigungen seien nicht geplant.</p>
<p>Mitarbeiter, die namentlich nicht genannt werden wollen, schildern eine angespannte Lage auf den Stationen.
Die Stadt als Eigentümerin ließ eine Anfrage unbeantwortet.</p>
</article><footer>Impressum · Datenschutz</footer></body></html>"""


def test_a_german_page_gets_its_notes_and_headline_in_german():
    annotated = annotate_page(GERMAN_PAGE, "https://zeitung.example/klinikum")
    assert annotated.language == "de"
    notes = " ".join(c.note for c in annotated.claims)
    assert "Stützt sich auf eine namentlich genannte Person" in notes
    assert "Rests on" not in notes and "No source" not in notes
    assert "Aussagen" in annotated.summary.headline and "claims" not in annotated.summary.headline
