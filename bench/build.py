"""Benchmark: `contractgen build` of the district example against docxtpl alone.

The baseline renders the same template with the same context using docxtpl and nothing else
(what any docxtpl-based tool must pay). Both run in this process, interleaved, so machine noise
hits both alike; we report medians and their ratio. Goal (issue 2): ratio <= 2.

    python bench/build.py [--rounds 15]
"""
from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docxtpl import DocxTemplate  # noqa: E402

from contractgen import assemble  # noqa: E402
from contractgen.validation import load_contract  # noqa: E402

SPEC = ROOT / "examples" / "district.yaml"


def ours(out: Path) -> None:
    """The whole job: read and validate the spec, select and render clauses, docxtpl, normalize, write."""
    assemble.build(SPEC, out, when=date(2026, 7, 1))


def baseline(context: dict, template: Path) -> None:
    """docxtpl alone: open the template, render the same context, save."""
    tpl = DocxTemplate(str(template))
    tpl.render(context, autoescape=True)
    tpl.save(io.BytesIO())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    context = assemble.template_context(assemble.assemble(load_contract(SPEC).contract))
    template = assemble.template_path(None)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "contract.docx"
        ours(out), baseline(context, template)  # warm caches and imports for both
        times: dict[str, list[float]] = {"contractgen build": [], "docxtpl alone": []}
        for _ in range(args.rounds):
            for name, job in (("contractgen build", lambda: ours(out)), ("docxtpl alone", lambda: baseline(context, template))):
                start = time.perf_counter()
                job()
                times[name].append(time.perf_counter() - start)
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, value in medians.items():
        print(f"{name:<18} median {value * 1000:7.1f} ms over {args.rounds} rounds")
    ratio = medians["contractgen build"] / medians["docxtpl alone"]
    print(f"ratio build / docxtpl alone: {ratio:.2f}x (goal <= 2x)")


if __name__ == "__main__":
    main()
