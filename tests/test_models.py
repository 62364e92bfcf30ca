"""Argos packages: install from a file or from an index served on loopback,
list them, and fail in one clear line when something is wrong."""

from __future__ import annotations

import io
import json
import threading
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


class IndexServer:
    """A package index and its files on 127.0.0.1, as the public index serves them."""

    def __init__(self, files: dict[str, bytes]):
        self.files = files
        self.hits: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (the http.server API)
                server.hits.append(self.path)
                data = server.files.get(self.path)
                if data is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def index_for(url: str, name: str = "translate-zh_en-tiny.argosmodel") -> bytes:
    entries = [
        {"from_code": "en", "to_code": "zh", "package_version": "1.9", "links": [f"{url}/other.argosmodel"]},
        {"from_code": "zh", "to_code": "en", "package_version": "1.0", "links": [f"{url}/old.argosmodel"]},
        {"from_code": "zh", "to_code": "en", "package_version": "1.9", "links": [f"{url}/{name}"]},
    ]
    return json.dumps(entries).encode()


@pytest.fixture
def serve(monkeypatch):
    servers = []

    def start(files_for_url):
        server = IndexServer({})
        server.files.update(files_for_url(server.url))
        monkeypatch.setenv("ARGOS_PACKAGE_INDEX", server.url + "/")
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()


def test_install_pair_from_the_index(packages_dir, tiny_package, serve, run):
    data = tiny_package.read_bytes()
    server = serve(lambda url: {"/index.json": index_for(url), "/translate-zh_en-tiny.argosmodel": data})
    result = run("translate", "models", "install", "zh-en")
    assert result.code == 0, result.err
    assert server.hits == ["/index.json", "/translate-zh_en-tiny.argosmodel"]  # the newest zh→en, only
    assert (packages_dir / "translate-zh_en-tiny" / "model" / "model.bin").is_file()
    listing = run("translate", "models", "list")
    assert listing.code == 0
    assert "translate-zh_en-tiny\tzh→en" in listing.out


def test_install_when_the_index_is_down_says_how_to_install_from_a_file(packages_dir, run, monkeypatch):
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", "http://127.0.0.1:9/")  # nothing listens on the discard port
    result = run("translate", "models", "install", "zh-en")
    assert result.code == 2
    assert len(result.err.strip().splitlines()) == 1
    assert "cannot reach the package index" in result.err and "--file" in result.err
    assert not packages_dir.exists() or not any(packages_dir.iterdir())


def test_corrupt_download_installs_nothing(packages_dir, tiny_package, serve, run):
    data = bytearray(tiny_package.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 64] = b"\x00" * 64  # damage a stored file's bytes
    serve(lambda url: {"/index.json": index_for(url), "/translate-zh_en-tiny.argosmodel": bytes(data)})
    result = run("translate", "models", "install", "zh-en")
    assert result.code == 2
    assert "corrupt" in result.err or "not a zip" in result.err, result.err
    assert "Traceback" not in result.err
    assert not list(packages_dir.glob("translate-*"))


def test_truncated_download_installs_nothing(packages_dir, tiny_package, serve, run):
    data = tiny_package.read_bytes()[:5000]
    serve(lambda url: {"/index.json": index_for(url), "/translate-zh_en-tiny.argosmodel": data})
    result = run("translate", "models", "install", "zh-en")
    assert result.code == 2 and "not a zip archive" in result.err
    assert not list(packages_dir.glob("translate-*"))


def test_index_without_the_pair(packages_dir, serve, run):
    serve(lambda url: {"/index.json": json.dumps([]).encode()})
    result = run("translate", "models", "install", "zh-en")
    assert result.code == 2 and "no zh→en package" in result.err


def _rezip(source: bytes, rename=None, drop=(), edit=None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            if any(item.filename.endswith(d) for d in drop):
                continue
            data = src.read(item.filename)
            if edit and item.filename.endswith("metadata.json"):
                data = edit(data)
            dst.writestr(rename(item.filename) if rename else item.filename, data)
    return out.getvalue()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (dict(drop=("metadata.json",)), "metadata.json is missing"),
        (dict(drop=("sentencepiece.model",)), "sentencepiece.model is missing"),
        (dict(drop=("model.bin",)), "model/model.bin is missing"),
        (dict(edit=lambda d: json.dumps({"to_code": "en"}).encode()), "lacks from_code"),
        (dict(edit=lambda d: b"{not json"), "not valid JSON"),
        (dict(rename=lambda n: n.replace("translate-zh_en-tiny/model/", "second/")), "exactly one top folder"),
    ],
)
def test_install_file_says_exactly_what_is_wrong(packages_dir, tiny_package, run, tmp_path, change, message):
    bad = tmp_path / "bad.argosmodel"
    bad.write_bytes(_rezip(tiny_package.read_bytes(), **change))
    result = run("translate", "models", "install", "--file", str(bad))
    assert result.code == 2
    assert str(bad) in result.err and message in result.err, result.err
    assert not list(packages_dir.glob("translate-*"))


def test_reinstall_replaces_the_package(installed_model, tiny_package, run):
    result = run("translate", "models", "install", "--file", str(tiny_package))
    assert result.code == 0, result.err
    assert [p.name for p in installed_model.iterdir()] == ["translate-zh_en-tiny"]


def test_missing_model_exits_2_saying_what_to_do(packages_dir, run, tmp_path):
    out = tmp_path / "out"
    result = run("translate", "seeds", "--to", "en", "--out", str(out))
    assert result.code == 2
    assert "no zh→en model installed" in result.err
    assert "translate models install zh-en" in result.err and "--engine none" in result.err
    assert not out.exists()


def test_packages_dir_defaults_to_xdg_data_home(monkeypatch, tmp_path):
    from translate.engines.argos.packages import packages_dir

    monkeypatch.delenv("ARGOS_PACKAGES_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert packages_dir() == tmp_path / "argos-translate" / "packages"
