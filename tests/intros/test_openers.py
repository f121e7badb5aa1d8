"""Generic openers vary from tablemate to tablemate, the same way every time they are built.

A guest with no reason to meet several tablemates used to get one identical question for
each of them, which read like a template in the email and on the intro sheet.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from dinnerplan.extensions import db
from dinnerplan.intros.build import build_intros
from dinnerplan.models import SeatingVersion

# Ivy offers and needs nothing: she has no specific reason to meet any of the four.
PLAN = {"Table A": ["Ivy", "Ana", "Cleo", "Eve", "Gus"], "Table B": ["Ben", "Finn", "Dev"]}


def _openers_of_ivy(app, version_id: int) -> dict[str, str]:
    with app.app_context():
        (intro,) = [
            i
            for i in build_intros(db.session.get(SeatingVersion, version_id))
            if i.guest.name == "Ivy Ives"
        ]
        assert len(intro.mates) == 4
        for mate in intro.mates:  # the case in point: neither can help the other
            assert (mate.why.you_help, mate.why.they_help) == ("", ""), mate.name
        return {mate.short: mate.why.opener for mate in intro.mates}


def test_a_guest_without_reasons_gets_varied_openers_the_same_each_time(app, make, dinner):
    dinner.guests["Ivy"] = make.guest(
        dinner.event, name="Ivy Ives", email="ivy@example.com", intent="peers", rsvp="yes"
    )
    version_id = dinner.seat(PLAN)

    openers = _openers_of_ivy(app, version_id)

    questions = set()
    for short, opener in openers.items():
        assert opener.startswith(f"Ask {short}: “"), opener
        assert opener.endswith("?”"), opener
        questions.add(opener.removeprefix(f"Ask {short}: "))  # the name alone is no variety
    assert len(questions) >= 3, openers
    # Deterministic: built again, the same openers for the same tablemates.
    assert _openers_of_ivy(app, version_id) == openers


def test_the_pick_does_not_depend_on_the_process_hash_seed():
    # str hashes change from process to process; the openers must not.
    script = (
        "import json\n"
        "from dinnerplan.intros.sentences import _generic_question\n"
        "from dinnerplan.models import Guest\n"
        "me = Guest(id=41, name='Ivy Ives')\n"
        "mates = [Guest(id=i, name=f'M {i}', intent='clients', one_liner='x', company='C')"
        " for i in range(42, 46)]\n"
        "print(json.dumps([_generic_question(me, m, t) for t, m in enumerate(mates)]))\n"
    )
    picks = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        )
        picks.append(json.loads(out.stdout))
    assert picks[0] == picks[1]
    assert len(set(picks[0])) == 4  # one guest's four like-profiled tablemates: four questions
