"""Benchmark: `contractgen lint FILE --format json` on a 200-page contract, against the floor.

The floor is what any linter must pay: a Python process that unzips the package, lxml-parses the
main document part and walks every w:t. Both run as whole processes, interleaved in the same run,
so machine noise hits both alike; we report medians and their ratio (goal <= 3x). A second figure
times a batch of 200 contracts in one call against 200 single calls' worth of floor processes.

    python bench/lint.py [--rounds 7] [--pages 200] [--batch 200]
"""
from __future__ import annotations

import argparse
import copy
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FLOOR = """
import sys, zipfile
from lxml import etree
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t'
with zipfile.ZipFile(sys.argv[1]) as z:
    root = etree.fromstring(z.read('word/document.xml'))
n = sum(len(t.text or '') for t in root.iter(W))
print(n)
"""


def build_example(folder: Path) -> Path:
    out = folder / "district.docx"
    subprocess.run([sys.executable, "-m", "contractgen", "build", str(ROOT / "examples" / "district.yaml"),
                    "-o", str(out), "--date", "2026-07-01", "-q"], check=True, capture_output=True)
    return out


def split_runs_like_word(root: etree._Element, words_per_run: int = 3) -> None:
    """Split every run into runs of a few words with rsid attributes and proofing marks, as Word's
    own files look after editing (python-docx writes one run per paragraph part)."""
    for k, run in enumerate(list(root.iter(f"{{{W}}}r"))):
        t = run.find(f"{{{W}}}t")
        if t is None or not t.text or len(t.text.split()) <= words_per_run:
            continue
        words = t.text.split(" ")
        chunks = [" ".join(words[i:i + words_per_run]) + (" " if i + words_per_run < len(words) else "")
                  for i in range(0, len(words), words_per_run)]
        rpr = run.find(f"{{{W}}}rPr")
        parent, index = run.getparent(), run.getparent().index(run)
        parent.remove(run)
        for j, chunk in enumerate(chunks):
            new = etree.Element(f"{{{W}}}r")
            new.set(f"{{{W}}}rsidR", f"00{(k * 7 + j) % 0xFFFFFF:06X}")
            if rpr is not None:
                new.append(copy.deepcopy(rpr))
            text = etree.SubElement(new, f"{{{W}}}t")
            text.text = chunk
            text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            parent.insert(index, new)
            index += 1
            if j % 4 == 3:
                parent.insert(index, etree.Element(f"{{{W}}}proofErr", {f"{{{W}}}type": "gramEnd"}))
                index += 1


def long_contract(source: Path, target: Path, pages: int, word_runs: bool = False) -> int:
    """Repeat the body of a ~15-page contract until it is about `pages` pages long."""
    with zipfile.ZipFile(source) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    root = etree.fromstring(parts["word/document.xml"])
    if word_runs:
        split_runs_like_word(root)
    body = root.find(f"{{{W}}}body")
    content = [el for el in body if el.tag != f"{{{W}}}sectPr"]
    sect = body.find(f"{{{W}}}sectPr")
    copies = max(1, round(pages / 15))
    for _ in range(copies - 1):
        for el in content:
            sect.addprevious(copy.deepcopy(el))
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return len(body.findall(f".//{{{W}}}p"))


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--batch", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        example = build_example(folder)
        for label, word_runs in (("one run per phrase (python-docx)", False), ("runs split as Word writes them", True)):
            big = folder / f"long-{word_runs}.docx"
            paragraphs = long_contract(example, big, args.pages, word_runs)
            floor = [sys.executable, "-c", FLOOR, str(big)]
            lint = [sys.executable, "-m", "contractgen", "lint", str(big), "--format", "json"]
            times: dict[str, list[float]] = {"floor": [], "lint": []}
            timed(floor), timed(lint)
            for _ in range(args.rounds):
                times["floor"].append(timed(floor))
                times["lint"].append(timed(lint))
            floor_s, lint_s = statistics.median(times["floor"]), statistics.median(times["lint"])
            print(f"contract: ~{args.pages} pages, {paragraphs} paragraphs, {big.stat().st_size:,} bytes, {label}")
            print(f"  floor (unzip + lxml + walk w:t)  median {floor_s:6.3f} s")
            print(f"  contractgen lint --format json   median {lint_s:6.3f} s   ratio {lint_s / floor_s:.2f}x (goal <= 3x)")

        batch_dir = folder / "batch"
        batch_dir.mkdir()
        for i in range(args.batch):
            shutil.copy(example, batch_dir / f"contract-{i:03}.docx")
        one_floor = statistics.median(timed([sys.executable, "-c", FLOOR, str(example)]) for _ in range(5))
        batch = timed([sys.executable, "-m", "contractgen", "lint", str(batch_dir), "--format", "json"])
        print(f"batch of {args.batch} contracts in one call: {batch:6.2f} s "
              f"({batch / args.batch * 1000:.0f} ms each); {args.batch} floor processes would take "
              f"{one_floor * args.batch:6.2f} s; ratio {batch / (one_floor * args.batch):.2f}x")


if __name__ == "__main__":
    main()
