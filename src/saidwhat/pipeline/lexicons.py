"""saidwhat.pipeline.lexicons: word lists for cues, titles, descriptions and channels.

Registered and versioned in spaCy's ``misc`` registry, so a pipeline config can
swap them: ``{"@misc": "saidwhat.cue_lexicon.v1"}``. A list is never edited in
place once released; changes go into a ``.v2``.

Sources:
* Reporting verbs: textacy's ``constants.REPORTING_VERBS["en"]`` (the baseline
  of ``direct_quotations``), extended with the verb-of-saying classes of VerbNet
  3.x (``say-37.7``, ``manner_speaking-37.3``, ``complain-37.8``,
  ``advise-37.9``, ``transfer_mesg-37.1.1``) and the cue verbs of the GGT English
  gold annotations and AP news style (``tweeted``, ``wrote``, ``quipped``).
* Titles and role nouns: AP Stylebook title entries and GGT/PolNeAR speaker
  descriptions ("spokesperson", "the watchdog").
* Channels: platform and document nouns seen in news attributions ("in a
  statement", "on Twitter", "in an interview with").
"""
from __future__ import annotations

import re

from spacy.util import registry

REPORTING_VERBS_V1 = frozenset("""
accuse acknowledge add admit advise affirm agree allege announce answer argue ask assert
assure attest blame blast blog boast brag call caution charge chant claim comment complain
concede conclude confess confirm contend continue counter cry declare decry demand deny
describe disclose dismiss emphasize emphasise estimate exclaim explain express fear forecast
grumble hint indicate inform insist instruct joke lament maintain mention mutter note
observe opine order plead pledge point post predict proclaim promise propose protest
question quip reaffirm recall recount reiterate remark remind reply report respond retort
reveal say scream shout snap speculate state stress suggest swear tell testify tweet urge
vow warn whisper wonder write yell praise criticize criticise condemn slam reject rule
recommend insist implore blurt repeat denounce mock muse gush sigh laugh scoff chuckle marvel interject
chime reason assert text email concur allege clarify elaborate summarize summarise
aver narrate
""".split())

#: Vivid verbs of political and sports web copy that frame a retort ('"Why not?" Vickers
#: pressed', '"You cheated," Polk fumed'): reporting verbs only when used without an
#: object or particle ("pressed Priebus on", "cracked down" are no speech).
VIVID_CUES_V1 = frozenset("""
fume seethe deadpan wisecrack grouse gripe rant snipe taunt chide tease vent thunder jab needle press
""".split())
REPORTING_VERBS_V1 = REPORTING_VERBS_V1 | VIVID_CUES_V1

#: Verbs that take a clausal complement as reported content (indirect speech).
INDIRECT_VERBS_V1 = REPORTING_VERBS_V1 - frozenset("""
chant cry describe blast slam condemn continue question wonder call praise criticize criticise
ask order
""".split())

#: Words that, before a name, are a title or role rather than part of the name.
TITLE_WORDS_V1 = frozenset("""
mr mrs ms miss dr prof professor sir dame lord lady rev reverend father sister brother
president vice prime minister premier chancellor secretary senator sen rep representative
congressman congresswoman governor gov mayor councillor councilor alderman deputy chief
commissioner director chair chairman chairwoman chairperson ceo cfo coo cto founder
executive head leader spokesman spokeswoman spokesperson judge justice attorney general
sheriff officer constable detective inspector sergeant sgt lieutenant lt captain capt
colonel col major maj general gen admiral commander commandant ambassador envoy
king queen prince princess pope bishop archbishop cardinal rabbi imam pastor coach manager
foreign interior defence defense finance health education justice transport environment
economy trade labour labor public safety works energy board harbour harbor master
superintendent principal dean chancellor provost minister's state federal regional
national assistant associate senior junior acting interim former late utilities
magistrate coroner elder maître maitre
glaciologist economist analyst professor researcher scientist doctor nurse paramedic
volunteer farmer dairy rescue union branch party opposition mp mla mpp tenant
organizer organiser activist advocate lawyer owner driver trucker resident
cllr sheikh sheik emir ayatollah ratu datuk dato tun reeve taoiseach tánaiste tanaiste
det supt insp cst const cmdr pc dc ds di dci dsi dcs cr treasurer headteacher sp asp dsp csp acp dcp
shri sri smt shrimati alhaji alhaja engr barr hon honourable honorable kaumātua kuia
haji hajji hajjah barrister madam madame comrade commodore councilwoman councilman td cathaoirleach seri
thiru thirumathi tmt selvi
mna mha msp mhk councilmember councilmembers pro tem tempore deacon swami venerable pandit
collector lic licenciado licenciada ingeniero ingeniera doña mallam opanyin mca mec cec
puan encik datin regent flt sqn ldr wg ssp guardsman mep counsel coun ald
aunty auntie uncle matua whaea canon fr revd rt ven msgr monsignor archdeacon garda gda
baroness baron countess viscount viscountess marquess marchioness duchess
""".split())
# (the last line: the Malaysian "Puan", "Encik" and "Datin"; the Indonesian "Regent"
# (bupati) of the Jakarta Post's usage; British forces' ranks as written unpunctuated,
# "Flt Lt", "Sqn Ldr", "Wg Cdr", "Guardsman"; Fiji's and Samoa's "SSP" (senior
# superintendent of police); "MEP" before a name; "Counsel" ("Counsel for the bank,
# Margaret Oyelaran, said", court reports); the Irish police rank "Garda"/"Gda" ("Detective
# Garda Sean Murphy", Irish court reports); and on the line after it the peerage's ranks
# that are not also given names (Debrett's: "Baroness Thornbury", "Lord" is above; "Duke"
# and "Earl" are left out). The line before it: Quebec's, Newfoundland's, Scotland's and Man's legislators written
# before a name as "MNA", "MHA", "MSP", "MHK"; the US city "Councilmember" and "Mayor Pro
# Tem"/"President Pro Tempore"; clergy and religious teachers' titles, "Deacon", "Swami",
# "Venerable", "Pandit"; India's and Pakistan's district head, "District Collector"; Latin
# American degree titles and honorifics written before a name, "Lic.", "Licenciada",
# "Ingeniero", "Doña" ("Ing." is left out: it is also the bank ING); West African
# honorifics, "Mallam", "Opanyin"; Kenyan county and South African provincial office
# holders, "MCA", "CEC", "MEC". The
# four lines before it: honorifics of other conventions written before a name: the British
# "Cllr" abbreviation, Arabic "Sheikh"/"Emir", Iranian "Ayatollah", Fijian chiefly
# "Ratu", Malaysian "Datuk"/"Dato"/"Tun"; Wikipedia, "Honorific" and its national lists;
# British, Irish, Australian and New Zealand police ranks as their press offices abbreviate
# them ("Det Sgt", "Supt", "Insp", "DCI", "PC"; Canadian "Cst"; Nigerian and Indian "SP",
# "ASP", "DSP", "CSP", "ACP", "DCP" for superintendents and commissioners) and the Australian "Cr"
# for councillor; Indian "Shri"/"Smt", Nigerian "Alhaji"/"Alhaja"/"Engr"/"Barr", "Hon",
# and the Māori elders' titles "Kaumātua"/"Kuia"; the Muslim pilgrim's "Haji"/"Hajjah" of South
# and South-East Asian press, "Barrister" (Nigeria, Bangladesh), "Madam" (Singapore, Malaysia,
# West Africa), "Comrade" (Nigerian labour unions), the naval "Commodore", US
# "Councilwoman"/"Councilman", Irish "TD" (a Dáil member, after the party name) and
# "Cathaoirleach" (a council chair), and the Malaysian "Seri" of "Datuk Seri"; the Tamil
# honorifics "Thiru" (Mr), "Thirumathi"/"Tmt" (Mrs) and "Selvi" (Miss) of Tamil Nadu's press)

#: Title words (a subset of :data:`TITLE_WORDS_V1`) that only modify a title ("Public
#: Safety Minister", "Health Secretary", "State Senator", "Acting Chief"): stripped
#: before a name only when a title follows ("Public Housing Sweden" is a body's name).
TITLE_MODIFIERS_V1 = frozenset("""
public state federal regional national international assistant associate senior junior acting
interim former late foreign interior defence defense finance health education justice transport
environment economy trade labour labor safety works energy utilities vice
""".split())


#: Titles only a person bears ("Councillor Rhodri Llewellyn", which NER may tag ORG, is a
#: person though the given-name table lacks "Rhodri"; "Maître", a French or Belgian
#: lawyer's title, is one too); not "Union" or "Federal", which open organisations'
#: names too. A subset of TITLE_WORDS_V1.
PERSONAL_TITLES_V1 = frozenset("""mr mrs ms miss dr prof sir dame lord lady rev reverend
councillor councilor cllr alderman senator sen congressman congresswoman mayor governor
judge sheikh sheik ratu datuk dato det supt insp sgt cst pc dc ds di dci cr shri sri smt
shrimati alhaji alhaja kaumātua kuia haji hajji hajjah barrister madam madame comrade
councilwoman councilman thiru thirumathi tmt selvi seri tun maître maitre lic licenciado licenciada
ingeniero ingeniera doña mallam opanyin hon honourable honorable puan encik datin coun ald
aunty auntie uncle matua whaea canon fr revd rt ven msgr monsignor archdeacon
baroness baron countess viscount viscountess marquess marchioness duchess""".split())
# (the last three words: "the Honourable Lorna Beckles", Commonwealth usage for ministers;
# the Malaysian "Puan", "Encik" and "Datin", like "Datuk")

#: Post-nominal letters written after a British or Commonwealth person's name ("Owen
#: Price KC", "Keir Dalton MP", "Ada Lowe OBE"; "SC", Senior Counsel, in Australia,
#: Ireland and Hong Kong): part of no name (Debrett's, "Forms of address: letters after
#: the name"). "MD" is left out: it is also Maryland. "MS" is a Member of the Senedd
#: ("Llinos Wyn Parri MS"), "MEP" a Member of the European Parliament.
POST_NOMINALS_V1 = frozenset("kc qc sc mp msp mla mpp mhk ms mep mbe obe cbe kbe dbe frs phd".split())

#: Common nouns that describe an organisation ("the watchdog said" -> latest ORG speaker).
ORG_NOUNS_V1 = frozenset("""
agency association authority bank board body branch bureau campaign chamber charity
club coalition commission committee company corporation council court department
firm foundation fund government group institute institution league lobby ministry
network newspaper office organisation organization outlet panel paper parliament party
police regulator service society team tribunal union university watchdog website
administration army military embassy hospital school church cabinet senate house
congress station channel broadcaster airline carrier manufacturer insurer retailer
operator provider publisher network platform statement report study survey
utility diocese archdiocese province city municipality county district
""".split())

#: v2 of the organisation nouns: v1 and the kinds of organisation that business, health
#: and charity reporting names by their trade ("the hospital trust", "the carmaker",
#: "the lender"; the Reuters/AP habit of a trade noun for a company named before), and
#: the arts and public bodies entertainment and local news names so ("the studio", "the
#: gallery", "the clinic", "the care home"; "the border patrol", "the fire brigade"), the
#: military units defence news names so ("the wing", "the battalion", "the squadron"), and
#: the joint ventures and co-operatives of business news ("the consortium"). Used by
#: :func:`~saidwhat.pipeline.speaker_detector.noun_category`; v1 stays as it was for the
#: features of the trained antecedent model.
ORG_NOUNS_V2 = ORG_NOUNS_V1 | frozenset("""
trust startup carmaker automaker chipmaker drugmaker lender conglomerate nonprofit
consultancy chain exporter importer railway railroad brewer miner supplier utility
studio gallery museum theatre theater orchestra festival airport zoo library clinic home
patrol force brigade navy coastguard prison academy college alliance federation local
wing battalion squadron regiment garrison fleet corps consortium cooperative co-operative
unit division detachment
""".split())

#: Trade nouns that name a company, never a person, when they stand right before a name
#: ("Belgian bank Maertens Groep", "budget airline Zephora", "car supplier Hartmann
#: Werke"): the business-news habit of introducing a company by its trade (Reuters/AP
#: style). Left out on purpose: nouns that also name people by trade ("broadcaster",
#: "publisher", "developer", "operator", "brewer", "producer").
COMPANY_TRADE_NOUNS_V1 = frozenset("""
company firm bank lender airline carrier insurer retailer manufacturer automaker carmaker
chipmaker drugmaker supplier chain startup conglomerate utility railway consultancy group
""".split())

#: Words that end or make up company names and name no person or place ("Halvorsen
#: Foods", "Nordlys Logistics", "Maertens Groep", "Hartmann Werke"): the plural trade
#: words of English company names and the Dutch/German ones business news keeps
#: untranslated, and on the last line the Turkish trade words ("İnşaat", construction;
#: "Sanayi ve Ticaret", industry and trade) and the legal forms of Malaysian ("Sdn Bhd"),
#: Indonesian ("Tbk"), Italian ("SpA", "Srl"), French ("SARL"), Latin American ("Ltda")
#: and Finnish ("Oyj") companies ("ASA" is left out: "Asa" is a given name); on the last,
#: the trade words of biotech and pharma company names ("Lindgren Bio", "Tesselmark Neuro",
#: which NER takes for people: Endpoints and Fierce Biotech style) and of fashion brands'
#: ("Marlow Shoes"). A name holding one is an organisation, and a business.
COMPANY_NAME_WORDS_V1 = frozenset("""
foods logistics technologies industries airways airlines pharmaceuticals therapeutics
biosciences laboratories labs brands enterprises ventures petroleum telecom
semiconductor semiconductors groep gruppe werke
properties partners realty investments motors systems solutions
holding holdings inşaat sanayi ticaret sdn bhd tbk spa srl sarl ltda oyj
bio biotech biopharma biologics pharma neuro genomics diagnostics
shoes apparel cosmetics fashions textiles
""".split()) | {"İnşaat".lower()}   # (Python lower-cases the dotted capital İ to "i" and a combining dot)

#: Courtesy titles: how to address a person, not what they do; never a role (they give
#: gender only). "Mr."/"Mrs"/"Ms" (AP Stylebook, "courtesy titles"), "Mx", French "Mme"/"Mlle".
COURTESY_TITLES_V1 = frozenset("mr mrs ms miss mx messrs mme mlle".split())

#: Common nouns that describe a person ("the official said" -> latest PERSON speaker).
#: "guard" is left out on purpose: news copy uses it for watchdogs and guardians too.
PERSON_NOUNS_V1 = frozenset("""
man woman boy girl official spokesman spokeswoman spokesperson minister president
premier mayor chief director chair chairman chairwoman leader lawyer attorney
judge officer doctor mother father son daughter wife husband sister brother friend
author writer reporter professor researcher scientist economist analyst expert
executive founder owner manager coach player actor actress singer star senator
governor secretary ambassador envoy candidate councillor councilor commissioner
prosecutor sheriff captain victim witness resident neighbour neighbor teacher student
farmer worker activist organiser organizer volunteer nurse paramedic pastor bishop
soldier politician mp lawmaker legislator diplomat businessman businesswoman
proprietor resident veteran survivor sergeant-at-arms entrepreneur artist designer architect
caddie golfer athlete winger forward defenceman goaltender goalie pitcher striker midfielder
defender quarterback rookie captain chef photographer filmmaker director producer musician
frontman frontwoman rapporteur
principal trustee founder chairwoman father-in-law grandmother grandfather uncle aunt
specialist physician surgeon psychologist therapist counsellor counselor mechanic driver
pilot firefighter paramedic collector coordinator administrator supervisor investigator
curator negotiator ranger
""".split())

#: Nouns for the person at the top of a body, written after the body's name and before
#: the person's ("BNPB head Kuswanto", "agency head Wahyu Setiawati"; Indonesian and
#: Malaysian English-language papers): no entry of PERSON_NOUNS_V1, as "head" also
#: heads phrases that name no one ("head office").
BODY_HEAD_NOUNS = frozenset({"head"})


#: Plural nouns for groups of people that news copy gives as speakers ("Residents said",
#: "Critics say"): written capitalised at the start of a clause they are still no name.
#: Plurals of PERSON_NOUNS_V1 and ORG_NOUNS_V1 words are recognised from those lists.
#: Nouns that name an unnamed speaker however definite the article makes them: crowds
#: and audiences, which speak together and are no one of the people named before ("The
#: crowd chanted"), and the anonymous sources of news convention ("a source", "an
#: insider", the tabloid "pal"; AP Stylebook, "anonymous sources"), which the text never
#: names ("A pal told reporters ... The source added").
UNNAMED_SPEAKER_NOUNS_V1 = frozenset("""
crowd audience congregation mob throng onlookers bystanders spectators
source insider pal confidant
""".split())

GROUP_NOUNS_V1 = frozenset("""
people critics experts observers sources investigators witnesses protesters protestors
demonstrators campaigners supporters opponents fans parents employees staff members
locals villagers citizens voters customers passengers shoppers commuters tenants
landlords historians rescuers relatives families organizers organisers participants
attendees delegates troops rebels militants insurgents traders investors bankers
advocates environmentalists conservationists authorities police officials residents
neighbours neighbors scholars economists lawmakers legislators leaders officers
""".split())

#: v2 of the person nouns: v1 and the nouns of people news describes by their
#: activity, age or standing (GGT/PolNeAR speaker descriptions: "the nominee", "the
#: affable proprietor", "the 39-year-old founder", "the rookie"; sports positions after
#: AP's sports style). Used by speaker resolution to keep such descriptions to people.
PERSON_NOUNS_V2 = PERSON_NOUNS_V1 | frozenset("""
nominee narrator announcer host anchor presenter correspondent homeowner landlord tenant
employee staffer aide adviser advisor consultant strategist pollster lobbyist campaigner
protester demonstrator fan supporter critic opponent teenager teen youngster toddler child
kid mom dad parent grandparent retiree pensioner patient client customer shopper passenger
commuter motorist cyclist pedestrian hiker swimmer runner skier skater boxer wrestler fighter
rider jockey defenseman centre center outfielder infielder catcher shortstop linebacker
receiver cornerback veteran newcomer incumbent challenger contender winner champion finalist
medallist medalist olympian investor banker trader broker historian lecturer scholar
graduate alumnus clinician dentist pharmacist veterinarian midwife caregiver carer
grandson granddaughter nephew niece cousin girlfriend boyfriend fiancé fiancee partner
spouse widow widower mother-in-law sibling twin neighbour neighbor resident citizen voter
official mayor-elect president-elect lawmaker senator-elect
""".split())

#: Hyphens that join the parts of one word ("Galbraith-Marten", "re-evaluated"): the
#: hyphen-minus, U+2010 hyphen and U+2011 non-breaking hyphen.
HYPHENS = frozenset("-\u2010\u2011")

#: Lower-case particles inside surnames ("de la Cruz", "von der Leyen", "bin Salman",
#: "van Gogh", "dos Santos"): the nobiliary and patronymic particles of the European,
#: Arabic and Portuguese naming conventions (Wikipedia, "Nobiliary particle"; Chicago
#: Manual of Style 8.5-8.16 on particles in personal names), and the Irish patronymic
#: particles of women's and men's surnames ("Ní Bhriain", "Ó Súilleabháin"; Wikipedia,
#: "Irish name"), written capitalised, the Māori article "Te" ("the") that opens many
#: Māori surnames ("Hinemoa Te Rangi"), and the Welsh patronymics "ap"/"ab" ("son of")
#: and "ferch"/"verch" ("daughter of": "Iestyn ap Gruffydd", "Megan ferch Owain";
#: Wikipedia, "Welsh surnames"), and the Kalenjin "arap" ("son of": "Samuel Kiprotich
#: arap Ngeno"; Wikipedia, "Kalenjin people", names), the Catalan "i" joining a double
#: surname ("Pau Roig i Ferrer"; Wikipedia, "Catalan names") and the Malay "binti".
NAME_PARTICLES_V1 = frozenset("""
de la le les du des del della dela di da das dos do van von der den ter ten zu zur bin ibn
bint binti al el abu ní nic ó uí te ap ab ferch verch arap i
""".split())

#: A surname with an elided particle: Italian ("Dell'Orto", "Dall'Ara", "Nell'Acqua",
#: "Sant'Angelo") and French and Acadian ("d'Amours", "d’Entremont", "D'Eon"), which NER
#: leaves out of the name or tags a common noun.
ELIDED_SURNAME = re.compile(r"(?:Dell|Dall|Nell|Sull|Sant|[Dd])['’][A-ZÀ-ÖØ-Ý][a-zß-öø-ÿ]+")

#: Nouns that make a prepositional phrase on the cue a channel ("in a statement").
CHANNEL_NOUNS_V1 = frozenset("""
statement interview letter email e-mail post tweet tweets video message memo release comment remark
conference briefing speech address podcast broadcast blog column op-ed editorial
article op ed essay book report filing submission testimony hearing newsletter
twitter facebook instagram linkedin youtube tiktok telegram reddit x threads
television tv radio website phone call text programme program documentary note
""".split())

#: Singular nouns for a person of a nation, which sports and wire copy uses as a second
#: reference ("the Dane said", "the Spaniard told reporters"): the noun forms of the
#: demonyms in Wikipedia's "List of adjectival and demonymic forms for countries and
#: nations", where the noun differs from the adjective or is used alone of one person.
#: NER tags them NORP, or ORG when it errs; either way they name no one by themselves.
#: Then the one-word nicknames of national teams' players as Australian, South African
#: and English copy uses them ("the Wallaby said", "the Springbok"); the last lines, the
#: nouns of people of a city or region that sports and regional copy uses the same way
#: ("the Glaswegian admitted", "New Zealander Liam Carver"; the same Wikipedia list's
#: city demonyms).
DEMONYM_NOUNS_V1 = frozenset("""
dane swede finn norwegian icelander spaniard frenchman frenchwoman briton brit scot
scotsman scotswoman welshman welshwoman irishman irishwoman englishman englishwoman
dutchman dutchwoman pole czech slovak hungarian romanian bulgarian serb croat slovene
slovenian bosnian albanian greek turk cypriot maltese portuguese italian swiss austrian
german belgian luxembourger russian ukrainian belarusian georgian armenian estonian
latvian lithuanian american canadian mexican brazilian argentine argentinian chilean
colombian peruvian uruguayan venezuelan ecuadorian paraguayan bolivian cuban jamaican
australian kiwi japanese chinese korean indian pakistani bangladeshi afghan iranian
iraqi israeli palestinian egyptian moroccan algerian tunisian nigerian ghanaian kenyan
ethiopian ugandan cameroonian senegalese ivorian zimbabwean zambian filipino
indonesian thai vietnamese malaysian singaporean
wallaby springbok socceroo matilda lioness
zealander yorker glaswegian londoner mancunian liverpudlian scouser geordie brummie dubliner
corkonian parisian berliner texan californian quebecer quebecker albertan torontonian
aucklander sydneysider melburnian queenslander capetonian yorkshireman yorkshirewoman
""".split())

#: Words that may follow a comma inside one name: company and generational suffixes
#: ("Acme, Inc.", "Smith, Jr."); a comma before any other word ends a name.
NAME_SUFFIXES_V1 = frozenset("inc ltd llc plc corp co jr sr ii iii iv".split())

#: Nouns of accounts and pages on social media and the web, which news names by what
#: they are "called" ("a Facebook page called Ohio Moms Unite", "an X account named
#: TruthWatch"): the name is the speaker's, and "called" no cue (fact-checkers' usage).
ACCOUNT_NOUNS_V1 = frozenset("page account channel profile handle site website blog forum".split())

#: Platforms: "on Twitter", "on Facebook".
PLATFORMS_V1 = frozenset("""
twitter facebook instagram linkedin youtube tiktok telegram reddit x threads mastodon
bluesky weibo wechat whatsapp snapchat
""".split())

#: Words that end a news outlet's name ("Sky Sports", "the Irish Times", "Mail Online"):
#: told, the outlet is the channel ("told Sky Sports"). English mastheads' and
#: broadcasters' name words, set by hand from the outlets newspapers and wires cite.
OUTLET_WORDS_V1 = frozenset("""
news times post radio tv television sports press herald journal gazette telegraph guardian
tribune chronicle examiner observer independent globe magazine broadcasting newspaper daily
weekly courier inquirer dispatch mail mirror sun star express standard online gleaner
""".split())

#: Broadcasters and news agencies cited by their short names ("told the BBC", "told
#: Reuters", "told BBC Radio Ulster"): the national broadcasters and wire agencies of
#: English-language news (set by hand).
OUTLET_NAMES_V1 = frozenset("""
bbc cnn npr pbs abc cbs nbc msnbc cnbc fox reuters ap afp bloomberg rté rte rnz cbc itv sbs sky dw
upi ani pti bernama xinhua tass yonhap kyodo efe dpa ansa anadolu aljazeera lbc
""".split())


@registry.misc("saidwhat.cue_lexicon.v1")
def cue_lexicon_v1() -> frozenset[str]:
    """Reporting-verb lemmas (see module docstring for sources)."""
    return REPORTING_VERBS_V1


#: Common Chinese and Korean family names in their usual romanisations, which the news
#: writes first ("Chen Mei-Ling", "Lee Jae-sung") and uses alone after ("Chen said"): the
#: most frequent surnames of mainland China, Hong Kong, Taiwan and South Korea (Wikipedia,
#: "List of common Chinese surnames" and "List of Korean surnames", the top of each list).
EAST_ASIAN_FAMILY_NAMES_V1 = frozenset("""
wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng
liang xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du
ye cheng wei su lu ding shen ren yao lu jin tan chan wong lau cheung leung ng ho lam tsang
chow kwok tsai hsu lai chiu
kim lee park choi jung jeong kang cho yoon jang lim shin yoo han oh seo kwon hwang ahn
song jeon hong moon son yang bae baek heo nam noh ha kwak
""".split())
