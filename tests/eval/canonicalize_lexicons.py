"""Rewrite every attribution lexicon in canonical form: keys in schema order, each word
list unique and sorted ignoring case, one comment per key from KEY_NOTES.

Run: .venv/bin/python tests/eval/canonicalize_lexicons.py [codes...]
"""
from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path

from sourcelight.pipeline.attribution.lexicon_schema import (
    OPTIONAL_KEYS, OPTIONAL_SECTIONS, SCHEMA, canonical_words, validate,
)

LEXICONS = Path(__file__).resolve().parents[2] / "server" / "sourcelight" / "lexicons"

KEY_NOTES = {
    "quotes.pairs": "double quotation marks as [opening, closing]; a mark used for both toggles",
    "quotes.single_pairs": "single quotation marks as [opening, closing]: a headline's or a short quote's, read within one sentence and outside double marks",
    "cues.speech": "finite speech/cognition verbs: 'X said', 'said X'",
    "cues.according_to": "'according to X'",
    "cues.citing": "'X, citing Y': Y is the source, X relays it",
    "cues.relay": "'interviewed by X', 'seen by X': X relays the source",
    "cues.told": "'Y told X': X relays when it is an outlet",
    "cues.interview": "'in an interview with X': X relays when it is an outlet",
    "cues.noun": "noun cues: 'in a statement, X ...'",
    "cues.by": "'the claim by X', 'it was reported by X': X is the source",
    "cues.quoted_as": "'X was quoted as saying'",
    "cues.impersonal_vague": "impersonal forms that are themselves a vague source",
    "cues.impersonal_anonymous": "the writer told by sources left unnamed, the words themselves the source ('We\'re told the singer left early')",
    "cues.document_verbs": "verbs a document or an outlet says things with, and only they ('the filing accuses …', 'the report adds'; not a person's 'accused')",
    "cues.speech_lemmas": "lemmas of speech verbs, matched in every inflected form (grammar.lemmatizer)",
    "cues.impersonal": "impersonal speech ('hieß es'): the source is a phrase after grammar.source_prepositions, else the speaker before",
    "cues.according_to_opening": "'Pour X, …': counts only where the sentence opens with it and the phrase ends at a comma",
    "cues.according_to_compound": "last parts of a hyphenated 'according to' whose first part is the source ('SPIEGEL-Informationen')",
    "cues.according_to_after": "postpositions: 'X zufolge', the source comes before the cue",
    "grammar.skip_before_verb": "auxiliaries and adverbs between a subject and its verb",
    "grammar.contractions": "negations written out and contracted, as [full, contracted]: a phrase any list writes one way matches the other way too ('did not return' and 'didn't return')",
    "grammar.object_articles": "articles that, after a noun, open the verb's object ('nennt das Gericht | die Zahl der Follower')",
    "cues.other_senses": "[verb lemma, object word]: a cue verb with that object in its clause is another verb ('schrieb einen Verlust')",
    "cues.particle_senses": "[verb lemma, particle]: a cue verb whose clause ends with that particle is another verb ('hält … mit', 'sagte … ab')",
    "cues.closing_tags": "a word after a comma that gives the sentence to the source after it, which ends the sentence ('…, so der Minister.')",
    "sources.person_suffixes": "endings only a noun for people has: the head noun names people, not a body ('die Branchenkennerin')",
    "sources.plural_person_suffixes": "endings only the plural of a noun for people has: the head noun names a group, not a body ('Wissenschaftlerinnen')",
    "sources.same_words": "after a determiner, words that make the phrase mean one named before ('the same official' is 'the official')",
    "grammar.plural_verb_endings": "endings of a plural finite verb: a subject right next to one that names no one is a group ('Die Richter schreiben')",
    "grammar.adjective_endings": "where every noun is capitalised, how an adjective before a noun ends: no name opens with one ('Allgemeine Bedingungen') nor follows one ('im unterirdischen Holzverschlag Ruhe')",
    "grammar.infinitive_endings": "how a verb's dictionary form ends, unlike an adjective's: a name may follow a verb ('sagte Anna Berg')",
    "grammar.oblique_articles": "articles of no subject's case: a phrase one opens before the verb is its object, and the speaker follows the verb ('DEN Vorwurf weist die Bahn zurück')",
    "grammar.coordinators": "coordinating conjunctions: a verb right after one shares the subject opening the clause before it ('Tom Reyes kam nach Berlin UND sagte, …')",
    "grammar.prepositions": "prepositions: a phrase one opens right before the verb is no subject; where the verb comes second, the speaker follows it ('Für ihre Fans schreibt Pamela …')",
    "grammar.finite_auxiliaries": "finite verbs that leave the cue verb to the end of the clause (a perfect's auxiliary, lassen): the speaker is the phrase before one, or right after it ('Okafor HAT einen Beitrag geschrieben', 'Gestern HAT der Minister gesagt', 'Die Bahn LIESS mitteilen')",
    "grammar.inverted_pronouns": "(optional) subject pronouns written after the verb ('répondaient-ILS'): in a sentence ending with '?', not after a quote, the verb asks; no cue",
    "grammar.agent_prepositions": "the preposition of a passive's agent ('a été critiqué PAR la mairie'): the agent is the source; a participle set off after a noun with one describes the noun ('Le projet, soutenu par la mairie, …')",
    "grammar.noun_determiners": "determiners after which a cue verb's form is a noun ('AU juge', 'UNA denuncia'): no cue",
    "grammar.complementizers": "words that open what a verb says ('dijo QUE …'): a speech verb right after a relative word on a noun, with none after its subject, tells which thing, not who speaks ('El plan que anunció el Gobierno costará …')",
    "grammar.possessives": "possessive determiners the determiners leave out ('Ihr Sprecher', 'Его пресс-секретарь'): a spokesperson they open is shown whole, whose office it is, never a body called 'Ihr'",
    "grammar.object_pronouns": "object pronouns between a subject and its verb ('Le ministre LE dit', 'LO dice el ministro'): no word of the subject; one that may be a subject too (sources.pronouns) only after a word",
    "grammar.article_pronouns": "articles that are also object pronouns ('le juge' or 'il LE juge'): a cue after one is a noun only at a clause's start or after grammar.article_openers",
    "grammar.article_openers": "words after which an article of grammar.article_pronouns is an article ('CONTRE le juge', 'ES la pregunta')",
    "grammar.modal_verbs": "modal and future auxiliaries: a cue verb's infinitive after one in its clause is a saying not done ('Die Kanzlerin WILL morgen sprechen'): no cue",
    "grammar.np_stops": "words that end a source phrase after the cue ('said Smith on Monday')",
    "grammar.parentheticals": "openers of an aside between a subject and its verb",
    "grammar.relatives": "openers of a relative clause after a subject",
    "grammar.leading_conjunctions": "words stripped from the front of a source phrase",
    "grammar.indefinite": "indefinite determiners: 'a/one/several official(s)' are unnamed",
    "grammar.definite": "definite determiners",
    "grammar.not_names": "capitalised words that are not names",
    "grammar.possessive_links": "'a spokesman FOR X', 'the spokesman OF X'",
    "grammar.head_position": "where a source phrase's head noun is: \"last\" (English) or \"first\" (genitive chains)",
    "grammar.inversion": "\"free\": the speaker may follow the verb anywhere; \"after_comma\": only after a comma or quote",
    "grammar.auxiliaries": "auxiliary verbs: 'said engineers WOULD' is no inversion but a reported clause",
    "grammar.passive_markers": "a cue right after one of these is passive ('have BEEN told')",
    "grammar.negation": "\"before\": a negator stands before the verb it negates ('did not respond'); \"either\": also after it (German 'äußerte sich nicht')",
    "grammar.nouns": "\"capitalised\" where every noun starts with a capital (German), else \"lowercase\"",
    "grammar.dictionary_form": "\"infinitive\" where a verb's dictionary form is only its infinitive (never a cue by itself: 'refused TO SAY'), \"finite\" where it is also a finite form (German 'sie sagen', English 'they say')",
    "grammar.passive_auxiliaries": "auxiliaries of a passive whose participle ends the clause ('Dabei WIRD ein Code verlangt'): that cue has no speaker",
    "grammar.subordinators": "subordinating conjunctions: the subject of a verb follows the last one",
    "grammar.lemmatizer": "\"simplemma\", \"pymorphy3\" or \"none\": how cues.speech_lemmas are matched",
    "grammar.unreal_comparisons": "words that open an 'as if': a reported_mood form right after one, or in the clause one opens, compares and continues no speaker ('tut so, als habe er …')",
    "grammar.reported_mood": "verb forms of reported speech (German Konjunktiv I): a sentence with one and no cue continues the previous speaker",
    "grammar.source_forms": "\"lemmatized\": source phrases are also tried in dictionary form (cases: Russian), \"listed\": the lists hold every form",
    "grammar.source_prepositions": "prepositions before the source of an impersonal cue ('hieß es AUS dem Ministerium')",
    "sources.anonymous": "phrases that make a source anonymous",
    "sources.anonymous_heads": "head nouns of anonymous sources ('sources', 'insiders')",
    "sources.anonymity_clauses": "clauses that make the source of the sentence anonymous",
    "sources.vague": "generic or indefinite groups standing in for a source",
    "sources.media_roles": "roles of people who work for an outlet: \"a Times reporter\" speaks for the Times, \"the Independent Vermont senator\" does not",
    "sources.generic_bodies": "plural kinds of body that, bare or counted, are an unspecified group ('Western governments', 'several banks'; 'the banks' are known ones)",
    "sources.media_names": "news outlets by name (matched with case)",
    "sources.media_nouns": "nouns that denote an outlet",
    "sources.documents": "nouns that denote a document",
    "sources.organizations": "nouns that denote an institution",
    "sources.metonyms": "places and buildings standing for a government (matched with case)",
    "sources.spokesperson": "spokespeople of a body: their body is the source",
    "sources.titles": "titles before a person's name (matched with case)",
    "sources.person_roles": "offices held by one identifiable person",
    "sources.unnamed_roles": "roles that, unnamed and indefinite, are anonymous",
    "sources.pronouns": "personal pronouns that refer back to a speaker",
    "sources.name_particles": "lower-case particles inside a person's name ('Kris de Decker', 'Ursula von der Leyen')",
    "flags.hedges": "hedging words",
    "flags.non_responses": "reports that someone did not answer",
    "flags.negated_responses": "answers that, negated by flags.negators just before them, report no answer ('has not commented', 'did not confirm')",
    "flags.negators": "negations that turn a flags.negated_responses answer into a non-response",
    "flags.denials": "denial verbs and nouns",
    "flags.anonymity_reasons": "why a source is kept anonymous ('not authorized to speak publicly')",
    "flags.own_voice_labels": "labels opening the outlet's own note ('Editor's note:'): no one else's claim, whatever it reports",
    "flags.refusals": "(optional) phrases of refusing to do something, in which a denial word denies nothing and whose verb is no cue ('SE NEGÓ A dimitir')",
    "sources.negative_determiners": "(optional) words opening a subject that names no one: the sentence rests only on a body the rest of the subject names ('NO ONE FROM Acme commented', 'NO spokesman for the railway')",
    "flags.discourse_markers": "(optional) the writer's set phrases that hold a speech verb but report no one's words: their verb is no cue ('NEEDLESS TO SAY, the ferry was late')",
    "syntax.speech": "lemmas of verbs whose subject is the source ('say', 'testify')",
    "syntax.findings": "lemmas of verbs that attribute with no clause only when a document, outlet or organization is the subject ('polls show Clinton ahead', 'the company reported earnings')",
    "syntax.nouns": "lemmas of nouns that carry a statement ('in a statement', 'a report by X')",
    "syntax.prepositions": "prepositions whose object is the source ('according to X', 'per X')",
    "syntax.surveys": "lemmas of document nouns whose respondents' answers are theirs: 'In a Gallup poll, 79 percent said' rests on the poll",
    "syntax.object_is_said": "lemmas of verbs whose plain object is itself what was said: 'Patrick predicted a Cruz win', 'Comey described a set of practices', 'has proposed a modest tax'",
    "syntax.person_descriptions": "nouns that describe a person: an unlisted definite description ('the billionaire businessman says') means someone named before only with one of them as its head; 'the health care page' means no one",
    "syntax.unrealized": "lemmas of verbs whose infinitive is a saying others need, demand, ask for, allow or expect, or one refused or failed, not one done ('refused to condemn', 'failed to mention'): 'needs to tell more jokes', 'requires candidates to disclose their assets', 'is encouraging his supporters to ask why …' (a subject's own plan or wish stays theirs, and one forced or pushed to speak does speak); and of nouns that, as the object of the verb an infinitive of purpose hangs on, make that saying one demanded: 'increase the PRESSURE on her to say whether …'",
    "syntax.topic_prepositions": "prepositions that open a headline label's topic: 'CNN President On Trump: …' is the president speaking, 'Success on Signature Issue: …' nobody",
    "syntax.kept_prefixes": "prefixes that, hyphened to a cue verb, keep its meaning ('re-tweeted', 'co-wrote'); with any other the word is another ('second-guess', 'de-emphasized')",
    "syntax.body_only_nouns": "nouns only a body has, right after a one-word name or its possessive: 'SpaceX CEO Elon Musk', 'Square’s HEADQUARTERS' show the name is a body's (syntax.thing_pronouns)",
    "syntax.narrative_adverbs": "adverbs that make a modal before a verb tell what did happen, not a guess: 'an inquiry would LATER find that …' (syntax.modal_guesses)",
    "syntax.joined_prefixes": "prefixes whose hyphenated participle or past form ('-ed', '-ing') the tokenizer keeps whole: the parser reads 'who CO-PILOTED the aircraft … told' as one verb, where 'co - piloted' hung the speaker on the wrong verb (nouns such as 'co-chair' and names such as 'anti-Trump' stay cut)",
    "syntax.staff_nouns": "lemmas of nouns for people whose work speaks for the body they work at: a body's name right before a group of them makes the group that body's ('IBM RESEARCHERS found', 'Fed POLICYMAKERS have said'; but 'Apple investors', 'Carrier workers' are no one's staff)",
    "syntax.thing_pronouns": "pronouns only a thing or a body takes: a one-word name the article refers back to with one ('Uber underpays ITS drivers', 'Uber found ITSELF …', 'Iridium, WHICH notes …') more often than with a person's is a body's name, not a person's",
    "syntax.head_prepositions": "prepositions that end the head noun of a description, so that its number is the head's: 'the men IN the car' are several, 'the head OF the unions' one",
    "syntax.thing_senses": "lemmas of cue verbs that with one definite thing for a subject, neither a person nor a body, an outlet or a document, mean something else than saying: 'The name refers to the border', 'the camera, only revealing the singer', 'the server responds'",
    "syntax.agent_endings": "endings of a noun that may name a doer: its plural, no list's, may be people the lists miss ('elders', 'proponents', 'executives'), so it is never taken for things that merely show something ('Leaks suggest …', 'These scenarios suggest …')",
    "syntax.person_suffixes": "endings of a noun for a person by trade or study that no list holds: 'a cryptographer estimated' is one person left unnamed, 'the statistician said' someone named before",
    "syntax.person_pronouns": "pronouns only a person takes, besides the gendered ones: 'Emery, WHO …' counts against a name being a body's",
    "syntax.obligation_modals": "modals of obligation: a cue after one, with a subject other than the writer, is a saying owed, not one done ('voters should know what those questions are', 'the Committee should formally ask …'; but 'I should say that …' is the writer saying it)",
    "syntax.motives": "lemmas of verbs whose participle, opening a sentence with no subject of its own, gives the main clause's subject a motive the sentence narrates, no view it reports: 'FEARING that Span's back would not heal, the Nats let him leave', 'FINDING that difficult, he narrowed his focus'",
    "syntax.refusals": "lemmas of nouns that, as what a denial verb (flags.denials) takes, make it a refusal, not a denial: 'rejected the REQUEST', 'denied a REQUEST to review the case', 'rebuffed the OFFER'",
    "syntax.issuing_verbs": "lemmas of participles whose agent made the statement or document they follow: 'a report ISSUED last year by the agency' is the agency's, as 'a report by the agency' is (not 'a study FUNDED by the industry', nor 'emails RELEASED by the department', which it only made public)",
    "syntax.wishes": "lemmas of verbs whose infinitive is their subject's wish: in a clause on a noun or of manner, held by no one named there ('apartment dwellers that WANT to avoid wires', 'the packages we WANT to install', 'as much video as they WANT'), they say who or what that is, not what anyone holds ('Lee WANTS to move the terminal', 'topics Lee WANTS to raise' are hers)",
    "syntax.modal_guesses": "lemmas of verbs that under a modal are the writer's advice or guess, not the subject's view: 'Trump may want to check his stats', 'investors will want to see the figures', 'readers will find that the sequel drags'",
    "syntax.perception": "lemmas of verbs whose object was come upon, taken up or believed, never said: 'had the authorities found the posts' reports no posts of theirs, 'after assuming his post' none of his",
    "syntax.first_person": "pronouns of the writer speaking for themself ('I told Megyn Kelly …'): on the record, by the byline",
    "syntax.quantities": "words that, heading a source, make it a group whatever the tagger says ('most of them said', 'half said')",
    "syntax.prevention_prepositions": "the preposition between a verb's object and a gerund it keeps that object from doing: 'kept your toddler FROM wanting to …', 'barred officials FROM discussing …' is no saying done",
    "syntax.holding_nouns": "statement nouns (also in syntax.nouns) that also name what holds money or posts: a statement only with what they tell of or a clause ('her ACCOUNT of the crash', 'his ACCOUNT that …'), not 'the cash in her ACCOUNT', 'will use the following ACCOUNTS:'",
    "syntax.work_nouns": "nouns for a work right before its title: the title names no person anywhere in the article ('his musical La La Land', 'the film Blade Runner'), however the recogniser reads it",
    "syntax.performances": "lemmas of cue verbs whose quote right after them is the title of a work performed, not words said: 'will SING “You Are Drunk, Go Home”' (but '“…,” Paul Simon once SANG' quotes him)",
    "syntax.placeholder_subjects": "subjects of a copula with which a to-infinitive means rather than says: 'None of this is to say …', 'THAT is not to say …', '… WHICH is to say …' (unlike a person's thing: 'Their reaction is to tell the public that …', a saying)",
    "syntax.affiliation_prepositions": "prepositions that, between a group noun and a body's name, place the group in that body, so it speaks for the body: 'researchers AT IBM', 'experts FROM the National Oceanic and Atmospheric Administration' (not 'critics OF the plan')",
    "syntax.company_nouns": "nouns of a business or other body that, after 'the', mean the company or body named before whatever its name ('Verizon said … . The company announced …', 'The National Park Service said … . The organization also rejected …'), unlike 'the ministry', which means an earlier source with that word in it",
    "syntax.company_designators": "capitalised words only a company's name ends in ('Zentrix Labs', 'Acme Bancorp'): such a name is a company, never a person",
    "syntax.rate_prepositions": "prepositions that after an amount or a noun make a rate, not a source ('$2.86 per thousand cubic feet'); 'according to one research firm' stays a source",
    "syntax.receipt": "lemmas of verbs whose subject gets or looks into a statement another wrote or made: 'residents RECEIVED letters saying …' (the letters say it, not the residents), 'it was DRAWING complaints that …', 'began INVESTIGATING complaints that …' (others' complaints)",
    "syntax.past_forms": "irregular past forms the lemmatizer reads as nouns or leaves, as [form, lemma]: 'thought' is 'think' only where the tagger reads a verb ('a thought' stays a noun)",
    "syntax.name_prepositions": "prepositions that make the name after them an object, never a subject a pronoun later in the sentence may mean: 'Campaigning AGAINST Mitt Romney in 2012, he barely mentioned …', 'on the subject OF Johnny Depp, …, she said'",
    "syntax.rituals": "lemmas of objects that make a speech verb a custom, which claims nothing, whatever clause follows: 'could say GOODBYE to all that', 'said GRACE', 'thank GOD it did'",
    "syntax.naming_verbs": "lemmas of participles that give a described person their name: 'a nurse NAMED Dana Okafor', 'a man CALLED Lee Park' (the name is the source)",
    "syntax.past_role_modifiers": "modifiers that make the noun they qualify a role someone held, so a person: 'a FORMER model told me' (not 'a new model predicts')",
    "syntax.manner_nouns": "lemmas of nouns that after 'according to' or 'per' say how something is done, not who says it: 'went according to PLAN', 'according to simple RULES', 'according to his WISHES' (any other thing there is a document: 'according to the summary')",
    "syntax.told_amounts": "lemmas of objects that with 'about' say how much words tell of a topic, not what they claim: 'says SOMETHING about the media', 'said LITTLE about his plans', 'speaks VOLUMES about'",
    "syntax.questions_things": "lemmas that need a clause (syntax.needs_clause) but with a thing for object doubt it: 'questioned the WISDOM of …' is a doubt, 'questioned the suspect' an interrogation",
    "syntax.positions": "lemmas that need a clause (syntax.needs_clause) but with an object state the position their subject takes, in a clause of the sentence's own: 'Christie ENDORSED Trump', 'the union OPPOSES the bill'; not in a clause on a noun ('House members who have ENDORSED Trump', 'a super PAC BACKING Cruz' say who those are)",
    "syntax.other_senses": "[verb lemma, preposition]: with that preposition and no clause or quote of its own, the cue verb is another verb, never a saying: 'ADDED TO the uncertainty', 'the harbour master ANSWERS TO the council'",
    "syntax.object_frames": "[verb lemma, preposition]: a verb that needs a clause or a quote (syntax.needs_clause, syntax.needs_quote) says something of its object (or passive subject) after that preposition: 'CHARGED two developers WITH defrauding investors', 'SUED by the NAACP FOR targeting black borrowers', 'COMPARED Trump TO a coach'",
    "syntax.said_frames": "[verb lemma, preposition]: like syntax.object_frames, but only where what follows the preposition is itself a thing said (syntax.nouns): 'DEFENDED Bill Clinton AGAINST allegations of scandal', not 'defended the city against attacks'",
    "syntax.said_objects": "[verb lemma, noun lemma]: a verb that with that noun for its object says what the object tells, where it tells something (a clause, an infinitive, or a preposition of syntax.said_object_prepositions): 'ISSUED a WARNING that …', 'RAISED CONCERNS about the deal', 'MADE the CASE for a new harbour' (not 'gave a speech', 'made a case')",
    "syntax.said_object_prepositions": "prepositions after an object of syntax.said_objects, or after the verb that takes it, that tell what it is about or for",
    "syntax.viewpoints": "a preposition and the lemma of a noun of viewpoint, whose possessor or 'of' object holds the view the sentence states: 'IN Bolton's VIEW, …', 'IN the EYES of critics', 'BY his own ACCOUNT' (not 'in view of the fact', 'by all accounts')",
    "syntax.stance_adjectives": "adjectives of belief or fear that, after a copula and with a clause of their own, say the copula's subject holds that clause: 'Many Democrats are AFRAID that …', 'labor leaders remain CONFIDENT that …' (not 'It is certain that …', 'is sure to win', 'not sure whether …')",
    "syntax.linking_verbs": "lemmas of the copulas an adjective of syntax.stance_adjectives follows to say its subject's belief: 'they ARE hopeful that …', 'leaders REMAIN confident that …' (not 'strove to MAKE sure it stayed dead')",
    "syntax.collections": "lemmas of nouns of a collection whose 'of' object, a document, makes the source documents: 'A new BATCH of State Department emails showed …', 'a TROVE of memos' (not the body named inside)",
    "syntax.occasions": "lemmas of nouns a speaker takes or makes to say something: 'went out of his WAY to say', 'took the OPPORTUNITY to say', 'made a POINT of saying' (the saying is the taker's)",
    "syntax.object_control": "lemmas of verbs whose object does what their infinitive says, done: 'pushing the candidates TO speak out', 'forced the mayor TO admit' (not 'used the debates to argue', a purpose)",
    "syntax.judgements": "lemmas of verbs (also in syntax.speech and syntax.needs_clause) that state a view only as a predicate on their object, with no verb of its own: 'voters CONSIDER Clinton honest', 'is CONSIDERED unclean by some groups'; not 'considering running', 'will consider how to spend it', 'considers himself an immigrant'",
    "syntax.time_prepositions": "prepositions of time that take a participle whose unspoken subject is the clause's ('AFTER saying her foot was swollen, she was taken to hospital' is hers); not 'by' or 'as' ('justified by arguing …' is nobody named)",
    "syntax.relation_prepositions": "prepositions after a person's role that name whom the role is held toward: 'a longtime adviser TO Jane Doe', 'a friend OF Lee Park' speak, not Doe or Park",
    "syntax.shared_descriptions": "words of person_descriptions a company or a group can be as well: a name set off after one ('The developer, Harbor Point Partners,') is not thereby a person's",
    "syntax.description_determiners": "determiners of a description that may mean the person the sentence before rests on or names ('The Florida senator said' after 'Marco Rubio campaigned …'); never a possessive ('his father')",
    "syntax.citing": "lemmas of 'citing X': X is the source, the subject relays it",
    "syntax.recipients": "lemmas of verbs whose object is an addressee, an outlet relays ('told Reuters')",
    "syntax.needs_clause": "cue lemmas that attribute only with a clause or a quote ('added that', not 'added 200 jobs')",
    "syntax.needs_quote": "cue lemmas that attribute only with a quote, a that-clause or a colon, never an infinitive ('he continued: …', not 'continues to lead')",
    "syntax.comment_requests": "lemmas of verbs of asking someone for comment, whose object is the party a pronoun of a non-response after them means ('We asked the ministry, but it did not respond')",
    "syntax.request_prepositions": "prepositions of the one asked for comment after a verb of syntax.comment_requests ('reached out TO Google', 'sought comment FROM the ministry')",
    "syntax.non_responses": "lemmas of verbs of not answering, whose subject is the party that did not",
    "gender.masculine_pronouns": "pronouns that mean only a man (a pronoun also meaning 'they' is left out)",
    "gender.feminine_pronouns": "pronouns that mean only a woman",
    "gender.masculine_first_names": "first names that name a man nearly always, given to a person named in full where the text shows no gender ('Jonathan Edwards'; never 'Alexis', 'Jean' or 'Andrea')",
    "gender.feminine_first_names": "first names that name a woman nearly always, given to a person named in full where the text shows no gender ('Laurie Luhn'; never 'Leslie', 'Kelly' or 'Dana')",
    "gender.masculine_titles": "honorifics and role nouns before a name ('Mr. Park') or after it ('Park, a spokesman')",
    "gender.feminine_titles": "honorifics and role nouns before a name ('Ms. Lee') or after it ('Lee, a spokeswoman')",
}


def dump(data: dict) -> str:
    lines = [f"# Attribution lexicon: {data['meta']['name']}. Schema: docs/lexicons.md.",
             "# Keep canonical: tests/eval/canonicalize_lexicons.py rewrites this file.", ""]
    sections = {section: {**keys, **OPTIONAL_KEYS.get(section, {})} for section, keys in SCHEMA.items()}
    sections.update({section: {**keys, **OPTIONAL_KEYS.get(section, {})} for section, keys in OPTIONAL_SECTIONS.items()
                     if section in data})
    for section, keys in sections.items():
        lines.append(f"[{section}]")
        for key, kind in keys.items():
            if key not in data[section]:
                continue
            note = KEY_NOTES.get(f"{section}.{key}")
            if note:
                lines.append(f"# {note}")
            elif section != "meta":
                # (a key without a note would lose the comment that says what it is for)
                raise SystemExit(f"{section}.{key} has no entry in KEY_NOTES: say what it is for")
            value = data[section][key]
            if kind == "words":
                value = canonical_words(value)
                body = ",\n".join("  " + json.dumps(w, ensure_ascii=False) for w in value)
                lines.append(f"{key} = [\n{body},\n]" if value else f"{key} = []")
            else:
                lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
        lines.append("")
    lines.append("# phrase -> the kinds of earlier source it can refer to, and the kind when none is found")
    lines.append("[back_references]")
    for phrase in canonical_words(list(data["back_references"])):
        entry = data["back_references"][phrase]
        count = f", count = {entry['count']}" if "count" in entry else ""
        plural = f", plural = {json.dumps(entry['plural'])}" if "plural" in entry else ""
        lines.append(f"{json.dumps(phrase, ensure_ascii=False)} = {{ refers_to = "
                     f"{json.dumps(entry['refers_to'])}, fallback = {json.dumps(entry['fallback'])}{count}{plural} }}")
    return "\n".join(lines) + "\n"


def main(codes: list[str]) -> None:
    paths = [LEXICONS / f"{c}.toml" for c in codes] or sorted(p for p in LEXICONS.glob("*.toml") if len(p.stem) <= 3)
    for path in paths:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        validate(data, path.name)
        path.write_text(dump(data), encoding="utf-8")
        print("canonical:", path.name)


if __name__ == "__main__":
    main(sys.argv[1:])
