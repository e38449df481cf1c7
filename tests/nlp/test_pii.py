"""Personal data is found in the shapes young people write it, and only personal data is."""

import pytest

from nlp.pipeline.pii import find_pii, redact


def _labels(text):
    return {(text[s:e], label) for s, e, label in find_pii(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("text me on 07700 900461", ("07700 900461", "PHONE")),
        ("ring 0161-496-0123 after 5", ("0161-496-0123", "PHONE")),
        ("my mums number is +44 7700 900 123", ("+44 7700 900 123", "PHONE")),
        ("email jaydenb2011@example.com", ("jaydenb2011@example.com", "EMAIL")),
        ("we live near LS1 1AB", ("LS1 1AB", "POSTCODE")),
        ("postcode m14 5tq", ("m14 5tq", "POSTCODE")),
        ("add me on snap jay_b09", ("jay_b09", "HANDLE")),
        ("my insta is @lilyrose.x", ("@lilyrose.x", "HANDLE")),
        ("born 12/03/2012", ("12/03/2012", "DOB")),
        ("my birthday is 14th of june", ("14th of june", "DOB")),
        ("my bday is 25/11 lol", ("25/11", "DOB")),
        ("date of birth 2011-10-09", ("2011-10-09", "DOB")),
        ("my birthday is the 2nd of january", ("the 2nd of january", "DOB")),
        ("im on discord as glitchwolf#4471", ("glitchwolf#4471", "HANDLE")),
        ("i live at 14 Elm Road", ("14 Elm Road", "ADDRESS")),
        ("i go to Hollybrook Academy", ("Hollybrook Academy", "SCHOOL")),
        ("st mary's primary is ok", ("st mary's primary", "SCHOOL")),
        ("my friend jayden is funny", ("jayden", "PERSON")),
        ("Mr Patel is the best teacher", ("Patel", "PERSON")),
    ],
)
def test_finds_each_kind(text, expected):
    assert expected in _labels(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Usernames: dots, hyphens, spaces in gamer tags, links to a profile.
        ("my new snap is jess.lou.99", ("jess.lou.99", "HANDLE")),
        ("snap its.just.maddie", ("its.just.maddie", "HANDLE")),
        ("add me on insta rio.rocket_7", ("rio.rocket_7", "HANDLE")),
        ("my tiktok is kayden-the-king", ("kayden-the-king", "HANDLE")),
        ("my xbox name is Frost Giant 88", ("Frost Giant 88", "HANDLE")),
        ("my roblox is pixelmoose", ("pixelmoose", "HANDLE")),
        ("i stream on twitch.tv/NovaPlays", ("twitch.tv/NovaPlays", "HANDLE")),
        ("my channel is youtube.com/@GamerGran", ("youtube.com/@GamerGran", "HANDLE")),
        # Birthdays in any order, misspelled months, spelled-out days.
        ("i turn 12 on the 3rd of june", ("the 3rd of june", "DOB")),
        ("born 2012/04/09", ("2012/04/09", "DOB")),
        ("my birfday is 9 of agust", ("9 of agust", "DOB")),
        ("bday 1 feb", ("1 feb", "DOB")),
        ("i was born on the first of march", ("the first of march", "DOB")),
        # Streets named as where someone lives, flats and buildings.
        ("i live on Hartley Road", ("Hartley Road", "ADDRESS")),
        ("i live on parkfield road", ("parkfield road", "ADDRESS")),
        ("the shop on Chapel Lane near my house sells vapes", ("Chapel Lane", "ADDRESS")),
        ("i live with my grandad on Tarn Road", ("Tarn Road", "ADDRESS")),
        ("flat 14, 2 Cromwell Court", ("flat 14, 2 Cromwell Court", "ADDRESS")),
        ("we moved into flat 3 Beacon Point", ("flat 3 Beacon Point", "ADDRESS")),
        ("my nan lives at 4 Willow Bank", ("4 Willow Bank", "ADDRESS")),
        ("i live at 7 The Crescent", ("7 The Crescent", "ADDRESS")),
        # Schools of every kind, misspelled, or a saint's name alone in talk of school.
        ("i go to Oakwood Pupil Referral Unit", ("Oakwood Pupil Referral Unit", "SCHOOL")),
        (
            "St Bernadette's Church of England Primary is ok",
            ("St Bernadette's Church of England Primary", "SCHOOL"),
        ),
        ("i go to Lark Hill C of E High", ("Lark Hill C of E High", "SCHOOL")),
        ("The Willows School has a pool", ("The Willows School", "SCHOOL")),
        ("st josephs has no heating in the music block", ("st josephs", "SCHOOL")),
        ("i go to Parkview Primery", ("Parkview Primery", "SCHOOL")),
        ("i go to Brookside Sixth Form", ("Brookside Sixth Form", "SCHOOL")),
        # A school named after its street is a school, not an address.
        ("Kingsway Road Primary needs a crossing", ("Kingsway Road Primary", "SCHOOL")),
        ("year 6 at Cedar Lane Juniors", ("Cedar Lane Juniors", "SCHOOL")),
        # Names from many backgrounds, accented, joined, drawn out, in lower case.
        ("my friend Bartłomiej is kind", ("Bartłomiej", "PERSON")),
        ("im zofia and i like art", ("zofia", "PERSON")),
        ("lily-rose is my sister", ("lily-rose", "PERSON")),
        ("kacperr here lol", ("kacperr", "PERSON")),
        ("this is Faith Adeyemi", ("Faith Adeyemi", "PERSON")),
        ("miss Nowak helped me", ("Nowak", "PERSON")),
        ("thanks to Mei Lin", ("Mei Lin", "PERSON")),
        ("im priya sharma from 9R", ("priya sharma", "PERSON")),
        ("i'm Ewa Nowak ewa.n@example.com", ("Ewa Nowak", "PERSON")),
    ],
)
def test_finds_the_shapes_young_people_write(text, expected):
    assert expected in _labels(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Phone numbers spaced digit by digit, grouped oddly, or dotted.
        ("text me on 0 7 7 0 0 9 0 0 8 8 1 after tea", ("0 7 7 0 0 9 0 0 8 8 1", "PHONE")),
        ("ring 07 7009 00 345 if im late", ("07 7009 00 345", "PHONE")),
        ("my dads is 07.70.09.00.78.9", ("07.70.09.00.78.9", "PHONE")),
        ("our landline is 0113 - 496 - 0581", ("0113 - 496 - 0581", "PHONE")),
        ("whatsapp (+44) 7700 900 846", ("(+44) 7700 900 846", "PHONE")),
        # Postcodes with stray spaces in the inward part, in any case.
        ("we live in ng7 2 rd near the tram", ("ng7 2 rd", "POSTCODE")),
        ("postcode is SE15 4 TJ", ("SE15 4 TJ", "POSTCODE")),
        ("my post code is cv1  2 w t", ("cv1  2 w t", "POSTCODE")),
        # Birthdays with the month as a number, or a year after a space.
        ("born 19th of the 8th 2012", ("19th of the 8th 2012", "DOB")),
        ("my birthday is the 4th of the 2nd", ("the 4th of the 2nd", "DOB")),
        ("born 28/4 2011 in leeds", ("28/4 2011", "DOB")),
        ("my bday is 11 / 9 / 2012", ("11 / 9 / 2012", "DOB")),
        # A building's name before the number, and streets whose name starts with "The".
        ("i live at Rowan House, 7 Wharf Road", ("Rowan House, 7 Wharf Road", "ADDRESS")),
        (
            "Flat 11, Heron Heights, 2 Tanner Street is tiny",
            ("Flat 11, Heron Heights, 2 Tanner Street", "ADDRESS"),
        ),
        ("9 The Hawthorns is my nans house", ("9 The Hawthorns", "ADDRESS")),
        ("we moved to 4 The Beeches in year 6", ("4 The Beeches", "ADDRESS")),
        ("i live at 6 the willows", ("6 the willows", "ADDRESS")),
        ("i live at 110 Brackenway", ("110 Brackenway", "ADDRESS")),
        # Schools in lower case, with dotted abbreviations, or "for Girls".
        ("i used to go to beech grove primary school", ("beech grove primary school", "SCHOOL")),
        ("moor end academy has a new head", ("moor end academy", "SCHOOL")),
        ("Hill Top Primary is ok", ("Hill Top Primary", "SCHOOL")),
        ("St. Aidan's R.C. High School is strict", ("St. Aidan's R.C. High School", "SCHOOL")),
        ("i go to Westfield C.E. Primary", ("Westfield C.E. Primary", "SCHOOL")),
        ("Kingsmead School for Boys is far", ("Kingsmead School for Boys", "SCHOOL")),
        ("All Saints C of E Primary had a fire", ("All Saints C of E Primary", "SCHOOL")),
        (
            "St. Francis of Assisi R.C. Primary is small",
            ("St. Francis of Assisi R.C. Primary", "SCHOOL"),
        ),
        ("i go to Beacon Academy Westbrook", ("Beacon Academy Westbrook", "SCHOOL")),
        # Names that are also everyday words, where the answer shows a person.
        ("Patience said she would come", ("Patience", "PERSON")),
        ("me and destiny are best friends", ("destiny", "PERSON")),
        ("Mercy is in my form", ("Mercy", "PERSON")),
        ("a girl named blessing pushed me", ("blessing", "PERSON")),
        ("Tia, Harmony and Kemi are my mates", ("Harmony", "PERSON")),
        ("Ruby is my cousin", ("Ruby", "PERSON")),
        ("i sit with grace at lunch", ("grace", "PERSON")),
        ("Faith Okonjo told sir", ("Faith Okonjo", "PERSON")),
        ("hope and me go to the park", ("hope", "PERSON")),
        ("i fell out with joy last week", ("joy", "PERSON")),
    ],
)
def test_finds_personal_data_in_less_usual_shapes(text, expected):
    assert expected in _labels(text)


@pytest.mark.parametrize(
    "text",
    [
        "there is no hope for this town",
        "we have faith in you",
        "she handled it with grace",
        "hope so x",
        "it was a joy to be there",
        "Patience is a virtue",
        "Summer is my favourite season",
        "im veggie and there is nothing to eat",
        "im eritrean and i moved here in year 4",
        "we watched Inside Out in class",
        "we went to the market on Carver Street",
        "the shop on Chapel Lane sells vapes",
        "the top high school round here is full",
        "we have forest school on fridays",
        "my 2nd of the 3 tests was hard",
        "there are 3 The Sims games i want",
        "i love hermione and harry potter",
        "ring the papyrus line on 0800 068 4141",
        "she was filled with joy",
        "we go there every summer and i love it",
        "my favourite film is Finding Nemo",
        "im 15 an they got my dress already",
        "we moved in 2019 the school was rubbish",
        "i scored 0.5 0.6 0.7 0.8 0.9 1.0 in the quiz",
    ],
)
def test_leaves_everyday_words_in_less_usual_shapes(text):
    assert find_pii(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "my xbox broke and my snap got hacked",
        "tiktok at 3am is a trap",
        "i play roblox and minecraft all day",
        "i live in Leeds near the main road",
        "we live on the same street as my nan",
        "the 52 bus to town is 2 minutes up the road",
        "we won 3-1 and i got 8/10 on my test",
        "my birthday party is in May",
        "year 10s block the corridor and we moved house 3 times",
        "i miss loads of school",
        "the coach said we played well",
        "my mates hype me up",
        "i want a smaller school, my old primary school was better",
        "School is boring. College will be better",
        "i went to St Helens for football",
        "i.e. the bus was late",
    ],
)
def test_leaves_everyday_words_that_look_like_personal_data(text):
    assert find_pii(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "call childline on 0800 1111 or 999 in an emergency",
        "im 12 and in year 8, form 8C",
        "harry potter is my favourite book",
        "my nan lives in Leeds",
        "its 2 minutes up the road from my house",
        "i love my school and want to go to college",
        "it costs £15 and starts at 3:30",
        "exams start on the 12th of may and half of 12/5 is easy",
    ],
)
def test_leaves_what_is_not_personal_data(text):
    assert find_pii(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Usernames with spaces, in leetspeak or wrapped in xX, after a cue or before "on".
        ("my xbox gamertag is xX Frost Byte Xx lol", ("xX Frost Byte Xx", "HANDLE")),
        ("my gamertag is xx dark wolf xx", ("xx dark wolf xx", "HANDLE")),
        ("my fortnite tag is xXBlazeRunnerXx 07", ("xXBlazeRunnerXx 07", "HANDLE")),
        ("my gamertag is B4con Bandit on ps5", ("B4con Bandit", "HANDLE")),
        (
            "im on roblox as spaghetti monster 42 if u wanna play",
            ("spaghetti monster 42", "HANDLE"),
        ),
        ("my discord name is Biscuit Goblin cos i love biscuits", ("Biscuit Goblin", "HANDLE")),
        ("add me Turbo Tortoise 12 on fortnite", ("Turbo Tortoise 12", "HANDLE")),
        ("my psn has a space in it, its Major Muffin", ("Major Muffin", "HANDLE")),
        ("im n1nj4kat on tiktok", ("n1nj4kat", "HANDLE")),
        ("my username is sneaky beaky and i play fifa", ("sneaky beaky", "HANDLE")),
        # Email addresses written out.
        ("email me at tiggy2010 at example dot org", ("tiggy2010 at example dot org", "EMAIL")),
        (
            "my email is jo.bloggs (at) example (dot) com",
            ("jo.bloggs (at) example (dot) com", "EMAIL"),
        ),
        ("email: r.khan@example dot co dot uk", ("r.khan@example dot co dot uk", "EMAIL")),
        # Birthdays: misspelled months, ordinals in words, holidays, odd separators.
        ("my birthday is 3rd Novembr", ("3rd Novembr", "DOB")),
        ("my bday is the 2nd of Setpember", ("the 2nd of Setpember", "DOB")),
        ("my birthday is the fith of july", ("the fith of july", "DOB")),
        ("i was born on the thirty first of october", ("the thirty first of october", "DOB")),
        ("i was born on new years eve 2010", ("new years eve 2010", "DOB")),
        ("halloween is my birthday", ("halloween", "DOB")),
        ("date of birth 3 . 9 . 2011", ("3 . 9 . 2011", "DOB")),
        ("born 17032011", ("17032011", "DOB")),
        ("my date of birth is 14/07/2011.", ("14/07/2011", "DOB")),
        # Names with an initial, names that are everyday words, other name orders.
        ("Liam T keeps pushing me", ("Liam T", "PERSON")),
        ("me and chloe b got detention", ("chloe b", "PERSON")),
        ("Josh R. said he would come", ("Josh R", "PERSON")),
        ("me, ivy and summer walk home together", ("summer", "PERSON")),
        ("hope and sky are in my class", ("sky", "PERSON")),
        ("my cousins are ivy and rose", ("rose", "PERSON")),
        ("my brother Will is 16", ("Will", "PERSON")),
        ("my youth worker dawn is lovely", ("dawn", "PERSON")),
        ("Tran Van Minh is my name", ("Tran Van Minh", "PERSON")),
        ("my friend ellie thompsonn is kind", ("ellie thompsonn", "PERSON")),
        ("thank you to miss hendersonn for being nice", ("hendersonn", "PERSON")),
        # House names before a street, unusual street words, streets named as home.
        (
            "my address is The Old Rectory, Church Lane, DN5 7QP",
            ("The Old Rectory, Church Lane", "ADDRESS"),
        ),
        ("we live at The Cottage, 12 Mill Road", ("The Cottage, 12 Mill Road", "ADDRESS")),
        (
            "Flat 3, Osprey Court, Wren Street is where i live",
            ("Flat 3, Osprey Court, Wren Street", "ADDRESS"),
        ),
        ("i live at 9 swallows reach", ("9 swallows reach", "ADDRESS")),
        ("number 12 meadowside is our house", ("number 12 meadowside", "ADDRESS")),
        ("7 herons haven ox4 1dd", ("7 herons haven", "ADDRESS")),
        ("i live in Heron Court with my mum", ("Heron Court", "ADDRESS")),
        ("our road, Cedar Avenue, floods every winter", ("Cedar Avenue", "ADDRESS")),
        ("i stay at my dads at weekends on Poplar Avenue", ("Poplar Avenue", "ADDRESS")),
        # Schools in lower case with "the", by initials, or named without their kind.
        ("i go to the priors school and its ok", ("the priors school", "SCHOOL")),
        ("i go to BHS and the teachers are strict", ("BHS", "SCHOOL")),
        ("im in year 9 at WPA", ("WPA", "SCHOOL")),
        ("at HFA we have a new head", ("HFA", "SCHOOL")),
        ("my school is Ashcombe Vale and its too big", ("Ashcombe Vale", "SCHOOL")),
        ("my school Thornbury Heath has no field", ("Thornbury Heath", "SCHOOL")),
    ],
)
def test_finds_personal_data_written_loosely(text, expected):
    assert expected in _labels(text)


@pytest.mark.parametrize(
    "text",
    [
        "i play minecraft as much as i can",
        "add me if you want to talk",
        "add me to the group chat pls",
        "my psn is level 50",
        "i play fifa23 on ps5",
        "i have 300 followers on tiktok",
        "xx miss you xx",
        "i buy stuff at amazon dot com",
        "the match on 3 march was good",
        "my birthday was great, on christmas day we had turkey",
        "its my turn on christmas day to wash up",
        "Christmas Eve is the best night",
        "we won 3 - 1 - 2 in the tournament",
        "i got 12345678 points",
        "give me hope and strength",
        "summer and winter are my favourite seasons",
        "we cant pay the gas bill",
        "Will you listen to us",
        "i'm going to miss my friends",
        "i love Peppa Pig",
        "i live near the Town Hall",
        "our street has no lights",
        "it takes 2 hours to reach the coast",
        "i go to Leeds to see my dad",
        "i go to KFC after school",
        "i go to Hollins Park Leisure Centre after school",
        "at school at Christmas we do a play",
        "the park school is shut",
    ],
)
def test_leaves_lookalikes_of_loosely_written_personal_data(text):
    assert find_pii(text) == []


def test_a_town_between_an_address_and_its_postcode_is_not_a_name():
    text = "i live at 16 Larch Row, Bristol, BS3 4TG"
    assert _labels(text) == {("16 Larch Row", "ADDRESS"), ("BS3 4TG", "POSTCODE")}


def test_redaction_replaces_each_span_with_its_label():
    text = "my name is jayden, email jay@example.com"
    assert redact(text, find_pii(text)) == "my name is [NAME], email [EMAIL]"


def test_offsets_are_python_string_indices():
    text = "héllo 😀 my friend zainab said hi"
    spans = find_pii(text)
    assert [text[s:e] for s, e, _ in spans] == ["zainab"]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("text me on o77oo 9oo 456", "o77oo 9oo 456"),
        ("my fone is O7700 9OO 321 dont tell", "O7700 9OO 321"),
        ("ring o113 496 o5o7", "o113 496 o5o7"),
    ],
)
def test_phone_numbers_typed_with_the_letter_o_for_zero(text, number):
    assert (number, "PHONE") in _labels(text)


@pytest.mark.parametrize(
    "text", ["i got 7 out of 10 on my maths test oooo", "its 2 o clock and im bored"]
)
def test_words_with_o_beside_numbers_are_not_phone_numbers(text):
    assert not [label for _, label in _labels(text) if label == "PHONE"]
