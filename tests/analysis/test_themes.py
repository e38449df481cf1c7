"""Themes from key phrases: proposed by the system, decided by analysts, never undone by
proposing again; each opens the responses behind it."""

import pytest

from analysis.models import AnswerAnalysis, KeyPhrase, OutcomeTag, Theme
from analysis.themes import candidates
from cms.roles import Role
from consultations.models import Answer, Response
from consultations.services import response_submit
from tests.factories.accounts import user_with_role

pytestmark = pytest.mark.django_db
URL = "/admin/analysis/themes/"


def test_phrases_that_share_a_word_are_one_theme():
    pairs = [
        (1, "safer buses"),
        (2, "bus fares"),
        (3, "late buses"),
        (4, "more trees"),
        (5, "more trees"),
        (6, "quiet room"),
    ]
    found = candidates(pairs)
    assert [(c.name, c.answer_ids) for c in found] == [("buses", [1, 2, 3])]
    assert found[0].phrases == ["bus fares", "late buses", "safer buses"]


def test_a_word_in_almost_every_phrase_does_not_chain_them_all():
    others = "roads lights shops clubs pools games bins benches paths fields courts lockers"
    pairs = [(i, f"better {thing}") for i, thing in enumerate(others.split())]
    pairs += [(100 + i, "better buses") for i in range(3)]
    pairs += [(200 + i, "healthy food") for i in range(3)]
    found = {c.name: c.answer_ids for c in candidates(pairs)}
    assert found == {"better buses": [100, 101, 102], "healthy food": [200, 201, 202]}


def _said(consultation, phrases_by_answer: list[list[str]]):
    change = consultation.form_fields.get(label="What would you change?")
    for i, phrases in enumerate(phrases_by_answer):
        answers = {q.clean_name: None for q in consultation.form_fields.all()}
        answers[consultation.form_fields.get(label="Your favourite lesson").clean_name] = "Art"
        answers[change.clean_name] = " and ".join(phrases)
        stored = response_submit(
            consultation=consultation, answers=answers, idempotency_key=f"k{i}"
        ).response
        answer = stored.answers.get(question=change)
        KeyPhrase.objects.bulk_create(KeyPhrase(answer=answer, phrase=p) for p in phrases)


@pytest.fixture
def said(consultation):
    _said(
        consultation,
        [
            ["safer buses"],
            ["bus fares"],
            ["late buses"],
            ["more trees"],
            ["trees in the park"],
            ["tree planting"],
        ],
    )
    return consultation


def test_an_analyst_proposes_promotes_and_the_decision_stays(client, said):
    client.force_login(user_with_role(Role.ANALYST))
    client.post(URL, {"action": "propose", "consultation": said.pk})
    bus = Theme.objects.get(name="buses")
    assert bus.answers.count() == 3
    client.post(URL, {"action": "promote", "theme": bus.pk, "name": "Getting about by bus"})
    client.post(URL, {"action": "propose", "consultation": said.pk})  # again
    promoted = Theme.objects.get(pk=bus.pk)
    assert (promoted.status, promoted.name) == ("promoted", "Getting about by bus")
    assert Theme.objects.filter(name="buses").count() == 0  # its phrases are not proposed again
    html = client.get(f"{URL}?consultation={said.pk}").content.decode()
    assert "Getting about by bus" in html
    assert "tree" in html


def test_merged_themes_keep_every_answer(client, said):
    client.force_login(user_with_role(Role.ANALYST))
    client.post(URL, {"action": "propose", "consultation": said.pk})
    chosen = list(Theme.objects.values_list("pk", flat=True))
    assert len(chosen) == 2
    client.post(URL, {"action": "merge", "theme": chosen, "name": "Streets and parks"})
    merged = Theme.objects.get()
    assert (merged.name, merged.status, merged.answers.count()) == (
        "Streets and parks",
        "promoted",
        6,
    )


def test_a_theme_opens_its_responses(client, said):
    client.force_login(user_with_role(Role.ANALYST))
    client.post(URL, {"action": "propose", "consultation": said.pk})
    bus = Theme.objects.get(name="buses")
    listed = client.get(f"/admin/responses/?theme={bus.pk}").content.decode()
    about_buses = {a.response for a in bus.answers.select_related("response")}
    others = set(Response.objects.all()) - about_buses
    assert len(about_buses) == 3 and len(others) == 3
    assert all(r.short_ref in listed for r in about_buses)
    assert not any(r.short_ref in listed for r in others)


def test_merging_one_theme_is_refused_with_a_400(client, said):
    client.force_login(user_with_role(Role.ANALYST))
    client.post(URL, {"action": "propose", "consultation": said.pk})
    one = Theme.objects.first()
    response = client.post(URL, {"action": "merge", "theme": [one.pk], "name": "x"})
    assert response.status_code == 400
    assert "two or more themes" in response.content.decode()


def test_the_commissioner_reads_themes_but_cannot_decide(client, said):
    client.force_login(user_with_role(Role.COMMISSIONER))
    assert client.get(f"{URL}?consultation={said.pk}").status_code == 200
    response = client.post(URL, {"action": "propose", "consultation": said.pk})
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert Theme.objects.count() == 0


def test_the_dashboard_shows_promoted_themes_with_quotes_only_from_those_who_agreed(client, said):
    client.force_login(user_with_role(Role.ANALYST))
    client.post(URL, {"action": "propose", "consultation": said.pk})
    bus = Theme.objects.get(name="buses")
    client.post(URL, {"action": "promote", "theme": bus.pk, "name": "Buses"})
    answers = list(bus.answers.select_related("response").order_by("pk"))
    for answer in answers:
        AnswerAnalysis.objects.create(
            answer=answer, redacted_text=answer.text, pipeline_version="t"
        )
    Response.objects.filter(pk=answers[0].response_id).update(consent_to_quote=True)
    for answer in answers[:2]:
        OutcomeTag.objects.create(answer=answer, outcome="staying_safe", source="model")
    html = client.get(f"/admin/analysis/?consultation={said.pk}").content.decode()
    themes = html[html.index('id="themes-heading"') : html.index('id="phrases-heading"')]
    assert "Buses" in themes
    assert "Staying safe: 2" in themes
    assert f"“{answers[0].text}”" in themes
    assert answers[1].text not in themes and answers[2].text not in themes


def test_an_analyst_puts_an_answer_in_a_theme_by_hand_and_it_stays(client, said):
    client.force_login(user_with_role(Role.ANALYST))
    client.post(URL, {"action": "propose", "consultation": said.pk})
    bus = Theme.objects.get(name="buses")
    client.post(URL, {"action": "promote", "theme": bus.pk, "name": "Buses"})
    trees = Answer.objects.filter(keyphrases__phrase="more trees").get()
    AnswerAnalysis.objects.create(answer=trees, redacted_text=trees.text, pipeline_version="t")
    inspect = f"/admin/responses/inspect/{trees.response_id}/"
    assert "Put this answer in a theme" in client.get(inspect).content.decode()
    response = client.post(
        f"/admin/analysis/answers/{trees.pk}/themes/", {"theme": bus.pk, "action": "link"}
    )
    assert response.status_code == 302
    client.post(URL, {"action": "propose", "consultation": said.pk})  # proposing again
    assert trees in Theme.objects.get(pk=bus.pk).answers.all()
    client.post(
        f"/admin/analysis/answers/{trees.pk}/themes/", {"theme": bus.pk, "action": "unlink"}
    )
    assert trees not in Theme.objects.get(pk=bus.pk).answers.all()


def test_only_a_promoted_theme_takes_answers_by_hand(client, said):
    client.force_login(user_with_role(Role.ANALYST))
    client.post(URL, {"action": "propose", "consultation": said.pk})
    proposed = Theme.objects.get(name="buses")
    trees = Answer.objects.filter(keyphrases__phrase="more trees").get()
    response = client.post(
        f"/admin/analysis/answers/{trees.pk}/themes/", {"theme": proposed.pk, "action": "link"}
    )
    assert response.status_code == 400
    assert trees not in proposed.answers.all()


@pytest.mark.parametrize("role", [Role.COMMISSIONER, Role.SAFEGUARDING_LEAD, Role.EDITOR])
def test_only_analysts_put_answers_in_themes(client, said, role):
    theme = Theme.objects.create(consultation=said, name="Buses", status="promoted")
    answer = Answer.objects.filter(response__consultation=said).first()
    client.force_login(user_with_role(role))
    response = client.post(
        f"/admin/analysis/answers/{answer.pk}/themes/", {"theme": theme.pk, "action": "link"}
    )
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert theme.answers.count() == 0


def test_an_analyst_splits_phrases_off_into_a_theme_of_their_own(client, said):
    client.force_login(user_with_role(Role.ANALYST))
    client.post(URL, {"action": "propose", "consultation": said.pk})
    bus = Theme.objects.get(name="buses")
    client.post(
        URL,
        {"action": "split", "theme": bus.pk, "phrase": ["bus fares"], "name": "Fares"},
    )
    fares = Theme.objects.get(name="Fares")
    bus.refresh_from_db()
    assert (fares.status, fares.phrases) == ("promoted", ["bus fares"])
    assert [a.text for a in fares.answers.all()] == ["bus fares"]
    assert bus.phrases == ["late buses", "safer buses"]
    assert sorted(a.text for a in bus.answers.all()) == ["late buses", "safer buses"]


def test_splitting_off_every_phrase_is_refused(client, said):
    client.force_login(user_with_role(Role.ANALYST))
    client.post(URL, {"action": "propose", "consultation": said.pk})
    bus = Theme.objects.get(name="buses")
    response = client.post(
        URL, {"action": "split", "theme": bus.pk, "phrase": bus.phrases, "name": "All"}
    )
    assert response.status_code == 400
    assert Theme.objects.filter(name="All").count() == 0
