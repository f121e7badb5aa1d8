"""The `solve` command: JSON in, JSON out, exit codes 1 (infeasible) and 2 (bad input)."""

import json

from click.testing import CliRunner

from dinnerplan.cli_solve import solve

PROBLEM = {
    "guests": ["ana", "ben", "cy", "dee"],
    "tables": [{"id": "T1", "min": 2, "max": 2}, {"id": "T2", "min": 2, "max": 2}],
    "scores": [["ana", "ben", 5], ["cy", "dee", 1]],
    "apart": [],
    "together": [],
    "fixed": {},
    "hosts": [],
}


def run(args, problem=None, tmp_path=None):
    if problem is not None:
        path = tmp_path / "p.json"
        path.write_text(json.dumps(problem))
        args = [str(path), *args]
    return CliRunner().invoke(solve, args)


def test_json_in_json_out(tmp_path):
    result = run(["--time-limit", "2", "--workers", "1", "--no-fairness"], PROBLEM, tmp_path)
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["status"] == "optimal"
    assert out["objective"] == 6
    assert out["reason"] is None
    assert sorted(map(sorted, out["tables"].values())) == [["ana", "ben"], ["cy", "dee"]]


def test_out_file(tmp_path):
    target = tmp_path / "r.json"
    result = run(["--out", str(target), "--time-limit", "2"], PROBLEM, tmp_path)
    assert result.exit_code == 0
    assert result.output == ""
    assert json.loads(target.read_text())["status"] == "optimal"


def test_infeasible_exits_1_with_reason(tmp_path):
    problem = {**PROBLEM, "tables": [{"id": "T1", "min": 0, "max": 3}]}
    result = run([], problem, tmp_path)
    assert result.exit_code == 1
    out = json.loads(result.stdout)
    assert out["status"] == "infeasible"
    assert out["reason"] == "4 guests do not fit at 1 table of at most 3 seats (3 seats)"
    assert "infeasible: 4 guests do not fit" in result.stderr


def test_malformed_file_exits_2(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    result = CliRunner().invoke(solve, [str(bad)])
    assert result.exit_code == 2
    assert "is not valid JSON" in result.output
    result = run([], {"guests": ["a"]}, tmp_path)
    assert result.exit_code == 2
    assert "missing field 'tables'" in result.output
    result = CliRunner().invoke(solve, [str(tmp_path / "missing.json")])
    assert result.exit_code == 2
    assert "cannot read" in result.output


def test_mdgp_instance(benchmarks):
    path = benchmarks / "mdgp/instances/RanReal_n010_ss_01.txt"
    result = CliRunner().invoke(solve, ["--mdgp", str(path), "--time-limit", "5"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["status"] == "optimal"
    assert out["penalties"]["fairness"] == 0
    assert sorted(len(v) for v in out["tables"].values()) == [5, 5]
