"""Guest lists that cannot be imported say why, on the upload page and on the command line.

A NUL character anywhere (even past the first 4 KB), a broken UTF-16 file, a cell over
csv's field limit, and more rows than IMPORT_MAX_ROWS: each is a plain message, never a 500
or a traceback, and nothing is saved.
"""

from __future__ import annotations

import codecs

import pytest

from dinnerplan.commands import main
from tests.factories import guests_of
from tests.test_guests_import import event, org_client, organizer, upload  # noqa: F401

HEADER = "name,email,company\n"


def rows(count: int) -> str:
    return "".join(f"Guest {i},guest{i}@example.com,Co {i}\n" for i in range(count))


BAD_FILES = {
    # A NUL well after the first 4096 bytes, on the last line (line 202).
    "nul": ((HEADER + rows(200) + "Nul Person,nul@example.com,Bad\x00Co\n").encode(), "Line 202"),
    "utf16_odd": ((HEADER + rows(3)).encode("utf-16") + b"x", "read the text of this file"),
    "utf16_lone_surrogate": (
        codecs.BOM_UTF16_LE
        + (HEADER + "Jos").encode("utf-16-le")
        + b"\x00\xd8"
        + ",jo@example.com,Co\n".encode("utf-16-le"),
        "read the text of this file",
    ),
    "huge_field": (
        (HEADER + rows(2) + "Big," + "b@example.com," + "x" * 140_000 + "\n").encode(),
        "Row 4 has a cell longer than 131,072 characters",
    ),
    "too_many_rows": ((HEADER + rows(6)).encode(), "more than 5 guests"),
}


@pytest.fixture
def app_config(app_config, tmp_path):
    return {**app_config, "IMPORT_FOLDER": str(tmp_path / "imports"), "IMPORT_MAX_ROWS": 5}


@pytest.mark.parametrize("name", BAD_FILES)
def test_upload_page_says_why_the_file_cannot_be_imported(org_client, event, app, name):  # noqa: F811
    data, words = BAD_FILES[name]
    response = upload(org_client, event, data)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert words in page
    assert "Check the import" not in page  # still on the upload page
    assert guests_of(app, event) == []


@pytest.mark.parametrize("name", BAD_FILES)
def test_cli_import_prints_one_clear_line_and_no_traceback(runner, make, app, tmp_path, name):
    dinner = make.event()
    data, words = BAD_FILES[name]
    path = tmp_path / "guests.csv"
    path.write_bytes(data)
    result = runner.invoke(main, args=["guests", "import", str(dinner.id), str(path)])
    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit)  # not an exception's traceback
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Error: ")
    assert words in lines[0]
    assert guests_of(app, dinner) == []


def test_up_to_the_cap_imports_and_windows_1252_still_reads(org_client, event, app):  # noqa: F811
    data = (HEADER + rows(4) + "Renée Müller,renee@example.com,Café Crème\n").encode("cp1252")
    page = upload(org_client, event, data).get_data(as_text=True)
    assert "Renée Müller" in page
    assert "Café Crème" in page
    org_client.post(f"/events/{event.id}/guests/import/confirm", follow_redirects=True)
    assert len(guests_of(app, event)) == 5


def test_a_utf16_spreadsheet_export_still_reads(org_client, event, app):  # noqa: F811
    data = (HEADER + "Zoë Ñúñez,zoe@example.com,Œuvre\n").encode("utf-16")
    page = upload(org_client, event, data).get_data(as_text=True)
    assert "Zoë Ñúñez" in page
    assert "Œuvre" in page
