"""Every PDF at once: the `dinnerplan sheets` command and the background job.

Plus PNGs of each printable's first page for people to look at (CI sets
SHEETS_PNG_DIR=artifacts/sheets).
"""

from __future__ import annotations

import os
import subprocess
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from dinnerplan.commands import main
from dinnerplan.extensions import db
from dinnerplan.models import Event
from tests.factories import sign_in_as
from tests.sheets.conftest import demo_tables, pdf_pages, seat

FILES = [
    "seating-chart.pdf",
    "door-list.pdf",
    "place-cards.pdf",
    "table-sheets.pdf",
    "kitchen.pdf",
    "badges.pdf",
]


def test_cli_writes_every_pdf_and_first_page_pngs(app, make, runner, tmp_path):
    event = make.event(title="Demo Dinner")
    seated = seat(app, event, demo_tables(n_tables=4, per_table=8))
    out = tmp_path / "pdfs"
    args = ["sheets", str(event.id), "--out", str(out), "--paper", "letter"]
    result = runner.invoke(main, args=args)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(FILES)
    for name in FILES:
        box = PdfReader(out / name).pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (612, 792), name
    door = "".join(pdf_pages((out / "door-list.pdf").read_bytes()))
    assert all(part in door for part in ("Ødegaard, Zoë", "Σ, Ωmega", "李小龙", "Петрова, Ана"))
    assert len(PdfReader(out / "table-sheets.pdf").pages) == len(seated.table_names)
    with app.app_context():
        assert db.session.get(Event, event.id).paper == "a4"  # --paper does not save
    png_dir = Path(os.environ.get("SHEETS_PNG_DIR") or tmp_path / "png")
    png_dir.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        stem = png_dir / name.removesuffix(".pdf")
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "60",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(out / name),
                str(stem),
            ],
            check=True,
        )
        png = stem.with_suffix(".png")
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert png.stat().st_size > 10_000, png  # a page with text, not a blank sheet


def test_cli_unknown_event_exits_2(runner, tmp_path):
    result = runner.invoke(main, args=["sheets", "999999", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "No event with id 999999" in result.output


def test_cli_unseated_event_exits_1(make, runner, tmp_path):
    event = make.event()
    make.guest(event)
    result = runner.invoke(main, args=["sheets", str(event.id), "--out", str(tmp_path / "x")])
    assert result.exit_code == 1
    assert "Seat the guests first" in result.output
    assert not (tmp_path / "x").exists()


def test_background_job_writes_files_and_reports_done(app, client, make, tmp_path):
    organizer = make.organizer()
    event = make.event(organizer, paper="letter")
    seated = seat(app, event, demo_tables(n_tables=2, per_table=4))
    sign_in_as(client, organizer)
    base = f"/events/{event.id}/sheets"
    status = client.get(f"{base}/status/{seated.version_id}").get_json()
    assert status["state"] == "none"
    assert status["files"] == []

    page = client.post(f"{base}/generate", follow_redirects=True).get_data(as_text=True)
    assert "Ready (LETTER)" in page  # JOBS_EAGER: the job ran before the redirect

    status = client.get(f"{base}/status/{seated.version_id}").get_json()
    assert status["state"] == "done"
    assert status["done"] == status["total"] == len(FILES)
    assert sorted(status["files"]) == sorted(FILES)
    folder = tmp_path / "sheets" / str(event.id) / str(seated.version_id)
    assert sorted(p.name for p in folder.glob("*.pdf")) == sorted(FILES)
    with client.get(status["urls"]["door-list.pdf"]) as download:
        assert download.status_code == 200
        assert download.mimetype == "application/pdf"
        assert "attachment" in download.headers["Content-Disposition"]
        reader = PdfReader(BytesIO(download.data))
    assert round(float(reader.pages[0].mediabox.height)) == 792
    assert client.get(f"{base}/files/{seated.version_id}/status.json").status_code == 404


@pytest.fixture
def threaded_jobs(app_config):
    """Run jobs on the in-process worker thread, as a development server does."""
    app_config["JOBS_EAGER"] = False
    return app_config


def test_background_job_on_the_worker_thread(threaded_jobs, app, client, make):
    from dinnerplan.jobs import wait_for_jobs

    organizer = make.organizer()
    event = make.event(organizer)
    seated = seat(app, event, demo_tables(n_tables=1, per_table=3))
    sign_in_as(client, organizer)
    base = f"/events/{event.id}/sheets"
    assert client.post(f"{base}/generate").status_code == 302
    state = client.get(f"{base}/status/{seated.version_id}").get_json()["state"]
    assert state in {"queued", "running", "done"}
    wait_for_jobs(timeout=120)
    status = client.get(f"{base}/status/{seated.version_id}").get_json()
    assert status["state"] == "done"
    assert len(status["files"]) == len(FILES)


def test_a_job_whose_worker_went_away_says_so(app, client, make, tmp_path):
    import json

    organizer = make.organizer()
    event = make.event(organizer)
    seated = seat(app, event, [[{"name": "Solo Guest"}]])
    folder = tmp_path / "sheets" / str(event.id) / str(seated.version_id)
    folder.mkdir(parents=True)
    stuck = {
        "state": "running",
        "done": 2,
        "total": 5,
        "files": [],
        "error": "",
        "updated_at": "2020-01-01T00:00:00",
    }
    (folder / "status.json").write_text(json.dumps(stuck))
    sign_in_as(client, organizer)
    status = client.get(f"/events/{event.id}/sheets/status/{seated.version_id}").get_json()
    assert status["state"] == "failed"
    assert "stopped before it finished" in status["error"]
    page = client.get(f"/events/{event.id}/sheets/").get_data(as_text=True)
    assert "stopped before it finished" in page
    assert "Make them again" in page


def test_a_large_dinners_pdf_is_rendered_by_the_background_job(app, client, make):
    app.config["SHEETS_INLINE_MAX_GUESTS"] = 5  # this dinner seats 8
    organizer = make.organizer()
    event = make.event(organizer)
    seated = seat(app, event, demo_tables(n_tables=2, per_table=4))
    sign_in_as(client, organizer)
    base = f"/events/{event.id}/sheets"
    response = client.get(f"{base}/door-list.pdf")
    assert response.status_code == 302
    assert response.mimetype != "application/pdf"
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "press “Make all PDFs”" in page
    # A GET starts no job: nothing is made until the button is pressed.
    status = client.get(f"{base}/status/{seated.version_id}").get_json()
    assert status["state"] == "none"
    client.post(f"{base}/generate")
    status = client.get(f"{base}/status/{seated.version_id}").get_json()
    assert status["state"] == "done"
    assert sorted(status["files"]) == sorted(FILES)
    response = client.get(f"{base}/door-list.pdf")
    assert response.status_code == 302
    assert "/files/" in response.headers["Location"]
    with client.get(response.headers["Location"]) as download:
        assert download.mimetype == "application/pdf"
