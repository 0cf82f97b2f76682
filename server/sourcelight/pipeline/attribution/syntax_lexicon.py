"""The [syntax] section of a lexicon: the parse engine's word lists (lemmas, phrases and
pairs) as sets, and the cue words derived from them (docs/lexicons.md)."""
from __future__ import annotations

from dataclasses import dataclass, field

from sourcelight.pipeline.attribution.lexicon_schema import OPTIONAL_SECTIONS


@dataclass(frozen=True)
class SyntaxLexicon:
    """The [syntax] section: lowercase lemmas (single words) and phrases, as sets."""

    speech: frozenset[str]
    findings: frozenset[str]
    nouns: frozenset[str]
    prepositions: tuple[tuple[str, ...], ...]  # "according to" -> ("according", "to")
    citing: frozenset[str]
    recipients: frozenset[str]
    # verbs of asking for comment, whose object a non-response's pronoun means
    comment_requests: frozenset[str]
    # the prepositions of their object ("reached out TO", "sought comment FROM")
    request_prepositions: frozenset[str]
    non_responses: frozenset[str]
    needs_clause: frozenset[str]
    needs_quote: frozenset[str]
    surveys: frozenset[str]
    perception: frozenset[str]
    object_is_said: frozenset[str]
    person_descriptions: frozenset[str]
    unrealized: frozenset[str]
    topic_prepositions: frozenset[str]
    kept_prefixes: frozenset[str]
    modal_guesses: frozenset[str]
    first_person: frozenset[str]
    quantities: frozenset[str]
    company_designators: frozenset[str]
    rate_prepositions: frozenset[str]
    description_determiners: frozenset[str]
    shared_descriptions: frozenset[str]
    relation_prepositions: frozenset[str]
    object_control: frozenset[str]
    receipt: frozenset[str]
    occasions: frozenset[str]
    told_amounts: frozenset[str]
    rituals: frozenset[str]
    naming_verbs: frozenset[str]
    past_role_modifiers: frozenset[str]
    manner_nouns: frozenset[str]
    name_prepositions: frozenset[str]
    questions_things: frozenset[str]
    positions: frozenset[str]
    judgements: frozenset[str]
    time_prepositions: frozenset[str]
    wishes: frozenset[str]
    issuing_verbs: frozenset[str]
    refusals: frozenset[str]
    motives: frozenset[str]
    object_frames: frozenset[tuple[str, str]]
    said_frames: frozenset[tuple[str, str]]
    # ("in", "view"), ("by", "account"): a preposition and the lemma of a noun of viewpoint
    viewpoints: frozenset[tuple[str, str]]
    # "afraid", "confident": adjectives whose copula's subject holds the clause after them
    stance_adjectives: frozenset[str] = frozenset()
    linking_verbs: frozenset[str] = frozenset()  # "be", "remain": the copulas such an adjective follows
    collections: frozenset[str] = frozenset()  # "batch", "trove": "a trove of emails" is documents
    # "company", "firm": "the company said" means the company named before, whatever its name
    company_nouns: frozenset[str] = frozenset()
    # "at", "from": a group noun with one of these before a body's name is that body's people
    affiliation_prepositions: frozenset[str] = frozenset()
    # "sing": a quote right after the verb is a work's title, not words said
    performances: frozenset[str] = frozenset()
    work_nouns: frozenset[str] = frozenset()
    # "account": a statement noun that also names what holds money or posts, a statement only
    # with what it tells of ("her account of the crash") or a clause
    holding_nouns: frozenset[str] = frozenset()
    prevention_prepositions: frozenset[str] = frozenset()
    # "this", "none": a copula's subject that makes "is to say" mean, not say
    placeholder_subjects: frozenset[str] = frozenset()
    # "its", "itself", "which": pronouns only a thing or a body takes, never a person
    thing_pronouns: frozenset[str] = frozenset()
    # "who": pronouns only a person takes
    person_pronouns: frozenset[str] = frozenset()
    # "in", "of": a preposition that ends a description's head noun ("the men IN the car")
    head_prepositions: frozenset[str] = frozenset()
    # endings of nouns for a person by trade or study the lists need not hold ("cryptographer")
    person_suffixes: tuple[str, ...] = ()
    # "er", "ist": endings of a noun that may name a doer, so its plural no list knows may be people
    agent_endings: tuple[str, ...] = ()
    # "refer", "reveal": cue verbs whose thing of a subject makes them mean something else
    # ("The name refers to …", "the camera, only revealing the singer")
    thing_senses: frozenset[str] = frozenset()
    # "researcher", "economist": a body's name before a group of them is their employer's ("IBM researchers")
    staff_nouns: frozenset[str] = frozenset()
    # "co", "self": prefixes whose hyphenated word the tokenizer keeps whole ("co-piloted")
    joined_prefixes: frozenset[str] = frozenset()
    # "later", "eventually": after "would", what did happen ("an inquiry would later find")
    narrative_adverbs: frozenset[str] = frozenset()
    # "CEO", "headquarters": what only a body has ("Uber CEO Travis Kalanick")
    body_only_nouns: frozenset[str] = frozenset()
    # "should", "must": a cue after one of these is a saying owed, not one done
    obligation_modals: frozenset[str] = frozenset()
    # ("add", "to"): a cue verb with that preposition and no clause is another verb ("added to the uncertainty")
    other_senses: frozenset[tuple[str, str]] = frozenset()
    # "thought" -> "think": past forms the lemmatizer takes for nouns, read so only where
    # tagged as verbs ("a thought" stays a noun).
    past_forms: dict[str, str] = field(default_factory=dict)
    # [verb, noun] (syntax.said_objects): 'raised concerns about …'
    said_objects: frozenset[tuple[str, str]] = frozenset()
    said_object_prepositions: frozenset[str] = frozenset()
    # Derived: the first words of every cue (a sentence without one is not parsed), and the
    # verbs among them ("warning" tagged as a verb is "warn", though "a warning" is a noun cue).
    cue_words: frozenset[str] = frozenset()
    verbs: frozenset[str] = frozenset()
    # Derived: the listed words with a hyphen, which the tokenizer splits ("op-ed").
    hyphenated: frozenset[str] = frozenset()



def syntax_lexicon(table: dict[str, list[str]]) -> SyntaxLexicon:
    """The [syntax] section as sets of lowercase lemmas and phrases, with the cue words derived."""

    def lemmas(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in table[key])

    def first_words(*keys: str) -> frozenset[str]:
        return frozenset(phrase.split()[0] for key in keys for phrase in lemmas(key))

    prepositions = tuple(tuple(p.lower().split()) for p in table["prepositions"])
    past_forms = {form.lower(): base.lower() for form, base in table.get("past_forms", [])}
    viewpoints = frozenset(tuple(phrase.lower().split()) for phrase in table.get("viewpoints", ()))
    stance_adjectives = frozenset(w.lower() for w in table.get("stance_adjectives", ()))
    said_objects = frozenset((verb.lower(), noun.lower()) for verb, noun in table.get("said_objects", []))
    return SyntaxLexicon(
        speech=lemmas("speech"), findings=lemmas("findings"), nouns=lemmas("nouns"), prepositions=prepositions,
        citing=lemmas("citing"), recipients=lemmas("recipients"), comment_requests=lemmas("comment_requests"),
        request_prepositions=lemmas("request_prepositions"),
        non_responses=lemmas("non_responses"),
        needs_clause=lemmas("needs_clause"), needs_quote=lemmas("needs_quote"), surveys=lemmas("surveys"),
        perception=lemmas("perception"), object_is_said=lemmas("object_is_said"),
        person_descriptions=lemmas("person_descriptions"), unrealized=lemmas("unrealized"),
        topic_prepositions=lemmas("topic_prepositions"), kept_prefixes=lemmas("kept_prefixes"),
        modal_guesses=lemmas("modal_guesses"), first_person=lemmas("first_person"), quantities=lemmas("quantities"),
        company_designators=lemmas("company_designators"), rate_prepositions=lemmas("rate_prepositions"),
        description_determiners=lemmas("description_determiners"),
        shared_descriptions=lemmas("shared_descriptions"),
        relation_prepositions=lemmas("relation_prepositions"), object_control=lemmas("object_control"),
        receipt=lemmas("receipt"), occasions=lemmas("occasions"), told_amounts=lemmas("told_amounts"),
        rituals=lemmas("rituals"), naming_verbs=lemmas("naming_verbs"), past_role_modifiers=lemmas("past_role_modifiers"), manner_nouns=lemmas("manner_nouns"), name_prepositions=lemmas("name_prepositions"),
        questions_things=lemmas("questions_things"), positions=lemmas("positions"),
        judgements=lemmas("judgements"),
        time_prepositions=lemmas("time_prepositions"), wishes=lemmas("wishes"), issuing_verbs=lemmas("issuing_verbs"),
        refusals=lemmas("refusals"), motives=lemmas("motives"),
        object_frames=frozenset((verb.lower(), preposition.lower()) for verb, preposition in table["object_frames"]),
        said_frames=frozenset((verb.lower(), preposition.lower())
                              for verb, preposition in table.get("said_frames", [])),
        said_objects=said_objects,
        said_object_prepositions=frozenset(w.lower() for w in table.get("said_object_prepositions", ())),
        viewpoints=viewpoints,
        stance_adjectives=stance_adjectives,
        linking_verbs=frozenset(w.lower() for w in table.get("linking_verbs", ())),
        collections=frozenset(w.lower() for w in table.get("collections", ())),
        company_nouns=frozenset(w.lower() for w in table.get("company_nouns", ())),
        affiliation_prepositions=frozenset(w.lower() for w in table.get("affiliation_prepositions", ())),
        performances=frozenset(w.lower() for w in table.get("performances", ())),
        work_nouns=frozenset(w.lower() for w in table.get("work_nouns", ())),
        holding_nouns=frozenset(w.lower() for w in table.get("holding_nouns", ())),
        prevention_prepositions=frozenset(w.lower() for w in table.get("prevention_prepositions", ())),
        placeholder_subjects=frozenset(w.lower() for w in table.get("placeholder_subjects", ())),
        obligation_modals=frozenset(w.lower() for w in table.get("obligation_modals", ())),
        thing_pronouns=frozenset(w.lower() for w in table.get("thing_pronouns", ())),
        person_pronouns=frozenset(w.lower() for w in table.get("person_pronouns", ())),
        head_prepositions=frozenset(w.lower() for w in table.get("head_prepositions", ())),
        person_suffixes=tuple(w.lower() for w in table.get("person_suffixes", ())),
        agent_endings=tuple(w.lower() for w in table.get("agent_endings", ())),
        thing_senses=frozenset(w.lower() for w in table.get("thing_senses", ())),
        staff_nouns=frozenset(w.lower() for w in table.get("staff_nouns", ())),
        joined_prefixes=frozenset(w.lower() for w in table.get("joined_prefixes", ())),
        narrative_adverbs=frozenset(w.lower() for w in table.get("narrative_adverbs", ())),
        body_only_nouns=frozenset(w.casefold() for w in table.get("body_only_nouns", ())),
        other_senses=frozenset((verb.lower(), preposition.lower()) for verb, preposition in table.get("other_senses", ())),
        past_forms=past_forms,
        cue_words=first_words("speech", "findings", "nouns", "citing", "non_responses", "surveys")
        | frozenset(p[0] for p in prepositions) | frozenset(past_forms) | frozenset(v[-1] for v in viewpoints)
        | stance_adjectives | frozenset(noun for _, noun in said_objects),
        verbs=first_words("speech", "findings", "citing", "recipients", "non_responses", "needs_clause",
                          "needs_quote"),
        hyphenated=frozenset(w for key, kind in OPTIONAL_SECTIONS["syntax"].items() if kind == "words"
                             for w in lemmas(key) if "-" in w),
    )
