"""Benchmark: `compare(old, new)` on a ~200-page contract with 20 scattered edits, against other comparers.

The contract is the district example repeated to ~200 pages (bench/lint.py's helpers); the NEW copy gets
20 edits spread through it (word replaced, words appended, paragraph deleted, paragraph inserted). We time
our comparer in-process and python-redlines' Docxodus engine (a prebuilt .NET comparer shipped in the
`python-redlines[docxodus]` wheel, run as its own process as python-redlines always does), interleaved
in the same run, and report medians and the ratio (goal: >= 10x faster, with an exact round trip: our
redline read Accept All / Reject All must equal NEW / OLD). LibreOffice's Compare Document is not driven
(the script says so).

    python bench/compare.py [--rounds 5] [--pages 200] [--edits 20]
"""
from __future__ import annotations

import argparse
import copy
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from contractgen.ooxml.blocks import read_blocks  # noqa: E402
from contractgen.ooxml.compare import compare  # noqa: E402
from contractgen.ooxml.package import open_package  # noqa: E402

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _lint_helpers():
    spec = importlib.util.spec_from_file_location("bench_lint", ROOT / "bench" / "lint.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def edit_copy(source: Path, target: Path, edits: int) -> list[str]:
    """A copy of `source` with `edits` edits spread evenly over its body paragraphs that have text."""
    with zipfile.ZipFile(source) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    root = etree.fromstring(parts["word/document.xml"])
    body = root.find(f"{{{W}}}body")
    paragraphs = [p for p in body if p.tag == f"{{{W}}}p" and len("".join(p.itertext()).split()) >= 4]
    step = max(1, len(paragraphs) // (edits + 1))
    done = []
    for k in range(edits):
        p = paragraphs[(k + 1) * step]
        texts = [t for t in p.iter(f"{{{W}}}t") if t.text and t.text.strip()]
        kind = k % 4
        if kind == 0:  # replace one word
            t = texts[len(texts) // 2]
            words = t.text.split(" ")
            i = next((i for i, w in enumerate(words) if w), 0)
            words[i] = "AMENDED"
            t.text = " ".join(words)
            done.append("word replaced")
        elif kind == 1:  # words appended
            texts[-1].text = texts[-1].text + " as amended by the parties"
            done.append("words appended")
        elif kind == 2:
            body.remove(p)
            done.append("paragraph deleted")
        else:
            new = copy.deepcopy(p)
            for t in new.iter(f"{{{W}}}t"):
                t.text = ""
            first = next(new.iter(f"{{{W}}}t"))
            first.text = f"New clause {k}: the officer shall file a quarterly report with the board."
            p.addnext(new)
            done.append("paragraph inserted")
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return done


def texts(path: Path, view: str) -> list[str]:
    return [b.text for b in read_blocks(open_package(path), view)]


def docxodus():
    """(engine, None) or (None, why it cannot run)."""
    try:
        from python_redlines.engines import DocxodusEngine
    except ImportError as exc:
        return None, f"python-redlines is not installed ({exc}); pip install 'python-redlines[docxodus]'"
    try:
        return DocxodusEngine(), None
    except Exception as exc:  # EngineNotInstalledError, unsupported platform
        return None, f"the Docxodus engine cannot start ({type(exc).__name__}: {exc})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--edits", type=int, default=20)
    args = parser.parse_args()
    lint = _lint_helpers()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        old = folder / "old.docx"
        paragraphs = lint.long_contract(lint.build_example(folder), old, args.pages)
        new = folder / "new.docx"
        done = edit_copy(old, new, args.edits)
        print(f"contract: ~{args.pages} pages, {paragraphs} paragraphs, {old.stat().st_size:,} bytes; "
              f"{len(done)} edits ({', '.join(sorted(set(done)))})")

        result = compare(old, new, date="2026-07-01T00:00:00Z")  # warm-up, and the round-trip check
        redline = folder / "redline.docx"
        redline.write_bytes(result.docx)
        exact = texts(redline, "accepted") == texts(new, "accepted") and \
            texts(redline, "original") == texts(old, "accepted")
        print(f"contractgen compare: {result.changes} tracked changes, {len(result.formatting_changes)} "
              f"formatting notes; round trip (Accept All = NEW, Reject All = OLD): {'exact' if exact else 'BROKEN'}")

        engine, why = docxodus()
        if engine is not None:
            try:
                engine.run_redline("bench", old, new)
            except Exception as exc:
                engine, why = None, f"the Docxodus engine failed ({type(exc).__name__}: {str(exc)[:300]})"
        times: dict[str, list[float]] = {"ours": [], "cli": [], "docxodus": []}
        redline = old.parent / "redline.docx"
        cli = [sys.executable, "-m", "contractgen", "compare", str(old), str(new), "-o", str(redline),
               "--date", "2026-07-01"]
        for _ in range(args.rounds):
            start = time.perf_counter()
            compare(old, new, date="2026-07-01T00:00:00Z")
            times["ours"].append(time.perf_counter() - start)
            start = time.perf_counter()
            subprocess.run(cli, check=True, capture_output=True)
            times["cli"].append(time.perf_counter() - start)
            if engine is not None:
                start = time.perf_counter()
                engine.run_redline("bench", old, new)
                times["docxodus"].append(time.perf_counter() - start)
        ours, whole = statistics.median(times["ours"]), statistics.median(times["cli"])
        print(f"contractgen compare (in-process)   median {ours:7.3f} s over {args.rounds} rounds")
        print(f"contractgen compare (whole CLI process, startup and writing included) median {whole:7.3f} s")
        if engine is not None:
            theirs = statistics.median(times["docxodus"])
            print(f"python-redlines Docxodus engine    median {theirs:7.3f} s   "
                  f"ratio {theirs / ours:.1f}x slower than ours in-process, {theirs / whole:.1f}x slower than "
                  f"our whole process (goal >= 10x)")
        else:
            print(f"python-redlines Docxodus engine    skipped: {why}")
        print("LibreOffice Compare Document (UNO) skipped: not driven by this script")


if __name__ == "__main__":
    main()
