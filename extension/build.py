"""Build the extension for Chrome and Firefox from one source folder.

    python extension/build.py [--out DIR]

writes DIR/chrome and DIR/firefox (load them unpacked) and DIR/declutter-chrome.zip and
DIR/declutter-firefox.zip (for the stores). DIR defaults to build/extension at the project root.

src/manifest.json is the Chrome manifest (so src/ also loads unpacked in Chrome as it is); the Firefox
manifest is derived from it here: background scripts instead of a service worker, plus an add-on id.
"""

from __future__ import annotations

import argparse
import json
import shutil
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
DEFAULT_OUT = HERE.parent / "build" / "extension"

# Firefox needs an add-on id for storage and signing. Desktop 140 (ESR) has every API used here; Android
# learnt data_collection_permissions (which new add-ons must declare) in 142.
GECKO = {
    "id": "declutter@declutter.invalid",
    "strict_min_version": "140.0",
    "data_collection_permissions": {"required": ["none"]},
}
GECKO_ANDROID = {"strict_min_version": "142.0"}

# Third-party files the extension ships, copied as they are from node_modules (`make extension-deps`): Mozilla's
# isProbablyReaderable (@mozilla/readability, Apache-2.0; its licence header stays in the file) and its licence.
READABILITY = HERE / "node_modules" / "@mozilla" / "readability"
VENDOR = {
    "vendor/Readability-readerable.js": READABILITY / "Readability-readerable.js",
    "vendor/Readability-LICENSE.md": READABILITY / "LICENSE.md",
}
VENDOR_HEADER = "Licensed under the Apache License, Version 2.0"

# A fixed timestamp makes the zips byte-for-byte reproducible.
ZIP_DATE = (2024, 1, 1, 0, 0, 0)


def chrome_manifest(base: dict) -> dict:
    return dict(base)


def firefox_manifest(base: dict) -> dict:
    manifest = dict(base)
    background = base["background"]
    manifest["background"] = {"scripts": [background["service_worker"]], "type": background["type"]}
    manifest["browser_specific_settings"] = {"gecko": GECKO, "gecko_android": GECKO_ANDROID}
    return manifest


def source_files() -> list[Path]:
    """Every file the extension ships, manifest excluded (it is written per browser)."""
    return sorted(p for p in SRC.rglob("*") if p.is_file() and p.name != "manifest.json")


def write_folder(folder: Path, manifest: dict) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    for path in source_files():
        target = folder / path.relative_to(SRC)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    copy_vendor(folder)
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def copy_vendor(folder: Path) -> None:
    for name, path in VENDOR.items():
        if not path.is_file():
            raise SystemExit(f"{path} is missing: run `make extension-deps` (npm ci in extension/) first")
        if path.suffix == ".js" and VENDOR_HEADER not in path.read_text(encoding="utf-8")[:1000]:
            raise SystemExit(f"{path} has lost its licence header")
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)


def write_zip(folder: Path, archive: Path) -> None:
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(path.relative_to(folder).as_posix(), ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, path.read_bytes())


def build(out: Path = DEFAULT_OUT) -> dict[str, Path]:
    base = json.loads((SRC / "manifest.json").read_text(encoding="utf-8"))
    out.mkdir(parents=True, exist_ok=True)
    built = {}
    for browser, make in (("chrome", chrome_manifest), ("firefox", firefox_manifest)):
        folder = out / browser
        write_folder(folder, make(base))
        write_zip(folder, out / f"declutter-{browser}.zip")
        built[browser] = folder
    return built


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: build/extension)")
    args = parser.parse_args()
    for browser, folder in build(args.out).items():
        print(f"{browser}: {folder}  {folder.parent / f'declutter-{browser}.zip'}")


if __name__ == "__main__":
    main()
