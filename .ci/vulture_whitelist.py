"""Names vulture reports as unused but that are called from outside Python's view.

Keep this short: each entry says who calls it. Run `vulture` from the repository root
(settings in pyproject.toml); tests/test_dead_code.py runs it in the suite.
"""

from dinnerplan.intros import views

# Blinker passes the sender positionally to every receiver of a signal.
views._on_seating_published.sender  # noqa: B018
