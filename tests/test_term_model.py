"""The term model (preferred, admitted, deprecated renderings) and a rendering
check that knows English, so that QA accepts a correct translation."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from glossary.entry import Entry, Status
from glossary.exchange import from_tbx, to_tbx
from glossary.store import Glossary, load_glossary
from translate.qa import check_segment
from translate.qa.english import renders

from .test_glossary import HEADER, row, tsv


@pytest.mark.parametrize(
    ("text", "rendering"),
    [
        ("deepen state-owned enterprise reform", "state-owned enterprises"),  # plural → singular
        ("open cooperation and sci-tech innovation", "scientific and technological innovation"),  # 科技's ways
        ("S&T innovation", "science and technology innovation"),
        ("continue to build an eco-civilization", "ecological civilization"),  # eco- for ecological
        ("an important feature of China’s modernization", "Chinese modernization"),  # the possessive
        ("we will steadily advance rural reform", "rural reforms"),
        ("support local economies", "local economy"),  # y → ies
        ("policies that stabilized employment", "stabilizing employment"),  # the first word's verb forms
        ("prevent and defuse risks", "preventing and defusing risks"),  # every word in -ing
        ("invigorating China through science and education", "invigorate China through science and education"),
        ("planned economy", "planning economy"),  # a doubled consonant
        ("objectives of the 14th Five-Year Plan", "14th Five-Year Plan"),  # an article added
        ("objectives of 14th Five-Year Plan", "the 14th Five-Year Plan"),  # an article left out
        ("the state owned enterprises", "state-owned enterprises"),  # hyphen or space
        ("to ensure people's well-being", "people's wellbeing"),  # hyphen or nothing
        ("to ensure people’s wellbeing", "people's wellbeing"),  # curly or straight apostrophe
        ("formalities for formalities' sake", "formalities for formalities’ sake"),
        ("the PARTY CENTRAL COMMITTEE", "Party Central Committee"),  # case
        ("the Second Plenary Session of the 20th CPC Central Committee", "Second Plenary Session of the 20th CPC"),
        ("keep the skies blue, waters clear and lands clean", "keep skies blue, waters clear, and lands clean"),
        ("improve Party conduct, build integrity, and fight graft", "improving Party conduct and building integrity"),
        ("improving the lives of their people", "people's lives"),  # the possessive with "of"
        ("the wellbeing of the people", "people's wellbeing"),
        ("an all-encompassing approach to agriculture and food", "all-encompassing approach to food"),  # coordination
        ("keeping expectations, economic growth, and employment stable", "keep employment stable"),
        ("Belt and Road Initiative (BRI) cooperation", "Belt and Road Initiative cooperation"),  # (abbreviation)
        ("keeping employment, enterprise operations, markets, and expectations stable", "keep employment stable"),
        ("to keep employment and prices stable", "keep employment stable"),  # coordinated after the word
        ("care for people with severe disabilities", "people with disabilities"),  # a modifier after "with"
        ("consolidate poverty alleviation gains", "gains in poverty alleviation"),  # the compound
        ("gains in poverty alleviation were consolidated", "poverty alleviation gains"),  # the phrase
        ("urban and rural community governance", "governance in urban and rural communities"),
        ("high-quality population development", "high-quality development of the population"),  # no article
        ("we will boost and upgrade consumption", "consumption upgrading"),  # the verb and its object
        ("a large-scale renewal of equipment", "large-scale equipment renewals"),  # the adjective stays
        ("public complaint handling on a stronger legal footing", "handling of public complaints on a legal footing"),
        ("R&D spending reached 2.8 percent", "Research and Experimental Development (R&D) spending"),
        ("Research and Experimental Development spending", "Research and Experimental Development (R&D) spending"),
        ("the BRI has advanced", "Belt and Road Initiative (BRI)"),  # the abbreviation alone
        ("a meeting of the CPC Central Committee", "Communist Party of China (CPC) Central Committee"),
        # a noun before another as its adjective, a place noun as its adjective alone
        ("to speed up agricultural and rural modernization", "modernization of agriculture and rural areas"),
        ("the modernization of agriculture", "agricultural modernization"),
        # a list's last conjunct after a comma and "and", a list's comma as "and"
        (
            "reforms to streamline administration and delegate power, improve regulation, and upgrade services",
            "reforms to streamline administration, delegate power, improve regulation and upgrade services",
        ),
        ("favorable political, talent, business, and public opinion environments", "business environment"),
        # "the Party" is the CPC
        ("more than 90 million CPC members", "Party members"),
        ("the Party Central Committee decided", "CPC Central Committee"),
        # a modifier of place or level before a later word
        ("renovating old urban residential compounds", "old residential compounds"),
        # ordinals in words, two coordinated words either way round
        ("the Eleventh Five-Year Plan period", "11th Five-Year Plan"),
        ("towns and townships", "townships and towns"),
        # "per capita" before or after its noun
        ("Personal disposable income per capita increased", "per capita disposable income"),
        ("per capita GDP rose", "GDP per capita"),
        # a field of the economy as "the ... sector"
        ("modernizing the agricultural sector and rural areas", "modernizing agriculture and rural areas"),
        ("jobs in the service sector", "jobs in services"),
        ("we pursued the revitalization of rural areas", "rural revitalization"),
        ("greater economic security", "security of the economy"),
        # a body's name with its organ after it, and its acronym written out
        ("the Central Committee of the Communist Party of China and the State Council", "CPC Central Committee"),
        ("the Standing Committee of the NPC", "NPC Standing Committee"),
        # 新型: new, new-type, new type of
        ("we will build a new type of energy system", "new energy system"),
        ("new-type urbanization", "new urbanization"),
        ("construction of new urban infrastructure", "construction of new-type urban infrastructure"),
        # a modifier after a coordinated modifier
        ("small and medium local financial institutions", "small and medium financial institutions"),
        # a gerund and its object as the object and the verb's action noun
        ("a fund to facilitate domestic demand expansion", "expanding domestic demand"),
        ("the expansion of domestic demand", "expanding domestic demand"),
        ("employment stabilization", "stabilizing employment"),
        ("speed up rural modernization", "modernizing rural areas"),
        ("lists for local government investment attraction", "attracting investment"),  # -act, -action
        # a determiner where an article may stand, and a preposition's coordinated phrase
        ("preventing any relapse into or occurrence of poverty", "preventing a relapse into poverty"),
        # the organ alone where the text names its body elsewhere
        ("The Party successfully convened its 20th National Congress", "the 20th CPC National Congress"),
        ("the 20th National Congress of the Party", "the 20th CPC National Congress"),
        ("the Communist Party of China and its Central Committee", "CPC Central Committee"),
        # an irregular verb's past and participle
        ("China kept employment stable", "keep employment stable"),
        ("we have built new infrastructure", "build new infrastructure"),
        # an adjective of degree in either degree
        ("expanding high-standard opening up", "higher-standard opening up"),
        ("deeper integration", "deep integration"),
        # an adjective and the noun of its quality; an adjective of level as "at the ... level"
        ("to ensure employment stability", "stable employment"),
        ("the stability of employment", "stable employment"),
        ("expand opening up at the institutional level", "institutional opening up"),
        ("carrying out regulation at the macro level", "macro regulation"),
        # a head that takes "to": with "to", and as its verb
        ("success in our response to Covid-19", "Covid-19 response"),
        ("respond to Covid-19 and pursue development", "Covid-19 response"),
        ("better access to credit", "credit access"),
        # a hyphen before a qualifying participle is a word boundary
        ("the WTO-centered multilateral trading system", "WTO"),
        ("AI-enabled phones", "AI"),
        ("community-supported at-home elderly care", "community"),
        ("a people-centered approach", "people-centered"),
        ("a people centered approach", "people-centered"),
    ],
)
def test_a_rendering_is_found_in_its_english_forms(text, rendering):
    assert renders(text, rendering)


@pytest.mark.parametrize(
    ("text", "rendering"),
    [
        ("the Central Committee", "Party Central Committee"),  # a word missing
        ("enterprises owned by the state", "state-owned enterprises"),  # another order: an admitted rendering's job
        ("subdistricts", "district"),  # inside a longer word
        ("reformation", "reform"),
        ("disaster prevention and mitigation", "disaster prevention, mitigation, and relief"),
        ("employment and stable prices", "keep employment stable"),  # the words out of order
        ("keep employment, prices, and markets", "keep employment stable"),  # a list, but the word never comes
        ("gains in education", "gains in poverty alleviation"),  # another modifier
        ("the lives people of", "lives of the people"),  # no compound through an article
        ("consumption was upgraded", "consumption upgrading"),  # the object before its verb: another order
        ("spending on R&D", "Research and Experimental Development (R&D) spending"),  # not the compound
        ("the Central Committee", "Communist Party of China (CPC) Central Committee"),
        ("industrial modernization", "modernization of agriculture"),  # another noun's adjective
        ("agriculture modernization", "modernization of agriculture and rural areas"),  # a conjunct missing
        ("the Central Committee", "CPC Central Committee"),  # whose committee is not said
        ("the Central Committee of the State Council", "CPC Central Committee"),
        ("the NPC and the 20th National Congress", "the 20th CPC National Congress"),  # another body named
        ("a party of the 20th National Congress", "the 20th CPC National Congress"),  # not the Party, a party
        ("a response from Covid-19 patients", "Covid-19 response"),  # another preposition
        ("access to housing", "credit access"),  # another complement
        ("a new energy system", "construction of new-type urban infrastructure"),
        ("an energy type of system", "new energy system"),  # "type of" only after "new"
        ("small and medium enterprises", "small and medium financial institutions"),  # the head differs
        ("demand expansion", "expanding domestic demand"),  # a word of the object missing
        ("domestic demand fell", "expanding domestic demand"),  # no action at all
        ("the extension of domestic demand", "expanding domestic demand"),  # another verb's noun
        ("low-standard opening up", "higher-standard opening up"),  # the opposite, not a degree
        ("keeped employment stable", "keep employment stable"),  # no regular form of an irregular verb
        ("employment security", "stable employment"),  # another quality
        ("opening up at the national level", "institutional opening up"),  # another level
        ("the industrial sector", "modernization of agriculture"),  # another field's sector
        ("income per capita", "per capita disposable income"),  # a word missing
        ("old commercial residential compounds", "old residential compounds"),  # not a modifier of place
        ("Party secretaries", "CPC members"),  # another office
        ("the Twelfth Five-Year Plan", "11th Five-Year Plan"),  # another ordinal
        ("towns and villages", "townships and towns"),  # one conjunct another word
        ("micro and small enterprises", "micro, small, and medium enterprises"),  # a conjunct missing
        ("the agricultural sector", "agriculture and rural areas"),  # the sector, but a conjunct missing
    ],
)
def test_a_rendering_is_not_found_where_it_is_not(text, rendering):
    assert not renders(text, rendering)


def entry(**fields) -> Entry:
    values = {"zh": "国有企业", "en": "state-owned enterprises", "status": Status.APPROVED} | fields
    return Entry(**values)


def qa(target: str, term: Entry) -> list[str]:
    from translate.document import Segment

    glossary = Glossary(__import__("pathlib").Path("g.tsv"), [term], "")
    segment = Segment("u1s1", "深化国有企业改革。", "深化国有企业改革。", target=target)
    segment.terms = glossary.find_terms(segment.normalized)
    return [issue.check for issue in check_segment(segment)]


def test_qa_accepts_an_admitted_rendering_and_flags_a_deprecated_one():
    term = entry(admitted=["SOE"], avoid=["national enterprises"])
    assert qa("We deepened SOE reform.", term) == []
    assert qa("We deepened state-owned enterprise reform.", term) == []
    assert qa("We deepened reform of national enterprises.", term) == ["missing-term", "avoided-term"]
    assert qa("We deepened reform.", entry()) == ["missing-term"]


def test_tbx_carries_the_term_model_both_ways():
    term = entry(admitted=["SOEs"], avoid=["national enterprises"], domain="economy")
    root = ET.fromstring(to_tbx([term]))
    statuses = {
        t.findtext("term"): t.findtext("termNote")
        for lang in root.iter("langSet")
        if lang.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
        for t in lang.iter("tig")
    }
    assert statuses == {
        "state-owned enterprises": "preferredTerm-admn-sts",
        "SOEs": "admittedTerm-admn-sts",
        "national enterprises": "deprecatedTerm-admn-sts",
    }
    [back] = from_tbx(to_tbx([term]), "t.tbx")
    assert (back.en, back.admitted, back.avoid, back.status) == (term.en, term.admitted, term.avoid, term.status)


def test_an_older_tbx_without_a_preferred_english_term_still_imports():
    older = (
        '<martif type="TBX-Basic"><text><body><termEntry><langSet xml:lang="zh"><tig><term>网格</term>'
        '<termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig></langSet>'
        '<langSet xml:lang="en"><tig><term>grid</term><termNote type="administrativeStatus">admittedTerm-admn-sts'
        "</termNote></tig></langSet></termEntry></body></text></martif>"
    ).encode()
    [imported] = from_tbx(older, "old.tbx")
    assert (imported.en, imported.admitted, imported.status) == ("grid", [], Status.PROPOSED)


def test_a_glossary_without_the_admitted_column_is_still_read(tmp_path):
    legacy = tmp_path / "old.tsv"
    legacy.write_text(
        "zh\ten\tstatus\tvariants\tavoid\tdomain\tnote\tsource\n"
        "区委\tdistrict Party committee\tapproved\t\tx\tparty\t\t\n",
        encoding="utf-8",
    )
    [only] = load_glossary(legacy).entries
    assert (only.en, only.admitted, only.avoid) == ("district Party committee", [], ["x"])


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        ({"admitted": "state-owned enterprises"}, "is the preferred rendering already"),
        ({"admitted": "SOEs", "avoid": "SOEs"}, "both accepted and to be avoided"),
        ({"admitted": "国企"}, "Chinese in the English rendering"),
        ({"en": "formalities’ sake"}, "curly apostrophe"),
    ],
)
def test_check_validates_the_term_model(run, tmp_path, cells, message):
    path = tsv(tmp_path, row(**({"zh": "国有企业", "en": "state-owned enterprises", "domain": "economy"} | cells)))
    assert HEADER.split("\t")[4] == "admitted"
    result = run("glossary", "--glossary", str(path), "check")
    assert result.code == 1 and message in result.err
