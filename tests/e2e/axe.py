"""Run axe-core (vendored from the npm package, tests/e2e/vendor/axe-core) in a Playwright page.

No CDN: the script is read from the repository and injected into the page under test.
"""

from __future__ import annotations

from pathlib import Path

AXE_JS = (Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js").read_text("utf-8")
BLOCKING = ("critical", "serious")


def violations(page) -> list[str]:
    """Return one line per critical or serious axe violation on the page as it stands."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=AXE_JS)
    found = page.evaluate(
        """async () => {
            const result = await axe.run(document, {resultTypes: ['violations']});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.slice(0, 3).map(n => n.target.join(' '))
            }));
        }"""
    )
    return [
        f"{v['impact']}: {v['id']} ({v['help']}) at {', '.join(v['targets'])}"
        for v in found
        if v["impact"] in BLOCKING
    ]
