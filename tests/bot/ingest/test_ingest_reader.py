from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.errors import InputError
from bot.ingest.reader import read_findings_file


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def test_malformed_json_names_the_file_and_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "broken.json", '{\n  "runs": [\n    {"tool": }\n  ]\n}\n')
    with pytest.raises(InputError) as exc:
        read_findings_file(path, 1000)
    assert f"{path}:3: malformed JSON" in str(exc.value)


def test_json_lines_are_read_as_a_list_of_records(tmp_path: Path) -> None:
    path = write(tmp_path, "events.jsonl", '{"rule": "a"}\n\n{"rule": "b"}\n')
    assert read_findings_file(path, 1000) == [{"rule": "a"}, {"rule": "b"}]


def test_malformed_json_lines_record_names_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "events.jsonl", '{"rule": "a"}\n{"rule": "b"}\n{"rule": \n')
    with pytest.raises(InputError, match=r"events\.jsonl:3: malformed JSON Lines record"):
        read_findings_file(path, 1000)


def test_a_file_above_the_size_cap_is_refused_without_parsing(tmp_path: Path) -> None:
    path = write(tmp_path, "big.json", "[" + ",".join(["1"] * 600) + "]")
    with pytest.raises(InputError) as exc:
        read_findings_file(path, 1000)
    assert "above the 1000-byte findings-file limit" in str(exc.value)
    assert "max_findings_bytes" in str(exc.value)


@pytest.mark.parametrize(("content", "message"), [(b"", "is empty"), (b"  \n", "is empty"),
                                                 (b'{"a": "\xff"}', "not UTF-8")])
def test_empty_or_binary_files_are_refused(tmp_path: Path, content: bytes, message: str) -> None:
    path = write(tmp_path, "x.json", content)
    with pytest.raises(InputError, match=message):
        read_findings_file(path, 1000)


def test_deeply_nested_json_is_refused_not_crashing(tmp_path: Path) -> None:
    path = write(tmp_path, "deep.json", "[" * 100_000 + "]" * 100_000)
    with pytest.raises(InputError, match="nested too deeply"):
        read_findings_file(path, 1_000_000)


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read findings file"):
        read_findings_file(tmp_path / "nope.json", 1000)


def test_json_lines_stream_across_read_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bot.ingest.reader.CHUNK", 7)  # records and a multi-byte character split across reads
    records = [{"rule": f"r{i}", "msg": "é✓"} for i in range(50)]
    path = write(tmp_path, "events.jsonl", "\ufeff" + "\n".join(json.dumps(r, ensure_ascii=False) for r in records))
    assert read_findings_file(path, 1_000_000) == records


def test_a_json_document_read_in_chunks_is_one_value(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bot.ingest.reader.CHUNK", 5)
    doc = {"results": {"failed_checks": [{"check_id": "CKV_AWS_1", "line": [1, 2]}]}, "summary": {"failed": 1}}
    path = write(tmp_path, "report.json", json.dumps(doc, indent=2))
    assert read_findings_file(path, 1_000_000) == doc
    single = write(tmp_path, "one.json", json.dumps(doc) + "\n")
    assert read_findings_file(single, 1_000_000) == doc


def test_findings_files_have_their_own_cap_above_the_source_file_cap(tmp_path: Path) -> None:
    from bot.config import RepoConfig, parse_repo_config
    from bot.ingest import read_file

    default = RepoConfig()
    assert default.max_findings_bytes >= 1024**3 > default.max_file_bytes
    config = parse_repo_config({"max_file_bytes": 100, "max_findings_bytes": 200}, ".fixbot.yml")
    path = write(tmp_path, "big.jsonl", "\n".join(json.dumps({"rule": "x" * 20}) for _ in range(10)))
    with pytest.raises(InputError, match=r"findings-file limit \(max_findings_bytes\)"):
        read_file(tmp_path, path, config)
