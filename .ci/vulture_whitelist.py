"""Names vulture reports as unused but that are called from outside Python's view.

Keep this short: each entry says who calls it. Run `vulture` from the repository root
(settings in pyproject.toml); tests/test_dead_code.py runs it in the suite.
"""

# (empty: publishing calls the introductions directly, so no signal receiver needs listing)
