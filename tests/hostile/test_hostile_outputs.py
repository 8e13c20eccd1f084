"""Hostile output paths: a directory, an unwritable folder, a missing folder, the input itself (directly,
through a symlink or a hard link). Exit 2, one line naming the output and the problem, inputs
byte-identical, nothing written, no `.part` file left.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.hostile.harness import EXAMPLES, assert_refused, run_cli, snapshot, strays

START = "2027-09-01"


@pytest.fixture
def work(folders, good_docx):
    inputs, outputs = folders
    spec = inputs / "minimal.yaml"
    shutil.copyfile(EXAMPLES / "minimal.yaml", spec)
    old = inputs / "old.docx"
    shutil.copyfile(good_docx, old)
    new = inputs / "new.docx"
    shutil.copyfile(good_docx, new)
    return inputs, outputs, spec, old, new



def _refused(args, named, words, inputs, outputs, channel="stderr"):
    before = snapshot(inputs, outputs)
    run = run_cli(*map(str, args))
    assert_refused(run, named, words, channel)
    assert snapshot(inputs, outputs) == before, "an input changed or an output was written"
    assert strays(inputs, outputs) == []
    return run


def test_build_output_is_a_directory(work):
    inputs, outputs, spec, old, new = work
    _refused(["build", spec, "-o", outputs], outputs, ("directory",), inputs, outputs)


def test_build_output_in_a_missing_folder(work):
    inputs, outputs, spec, old, new = work
    target = outputs / "nope" / "c.docx"
    _refused(["build", spec, "-o", target], target, ("does not exist",), inputs, outputs)


def test_build_output_in_an_unwritable_folder(work):
    if os.geteuid() == 0:
        pytest.skip("running as root: folder permissions are not enforced, so chmod 0o500 cannot be tested")
    inputs, outputs, spec, old, new = work
    locked = outputs / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        _refused(["build", spec, "-o", locked / "c.docx"], locked / "c.docx", ("permission denied",), inputs, outputs)
    finally:
        locked.chmod(0o700)


def test_build_output_is_the_spec(work):
    inputs, outputs, spec, old, new = work
    _refused(["build", spec, "-o", spec], spec, ("overwrite the input",), inputs, outputs)


def test_build_output_is_a_symlink_to_the_spec(work):
    inputs, outputs, spec, old, new = work
    link = outputs / "c.docx"
    link.symlink_to(spec)
    _refused(["build", spec, "-o", link], link, ("overwrite the input",), inputs, outputs)
    assert link.is_symlink()


def test_build_output_is_the_template(work):
    inputs, outputs, spec, old, new = work
    template = inputs / "letterhead.docx"
    shutil.copyfile(EXAMPLES.parent / "templates" / "contract.docx", template)
    _refused(["build", spec, "-o", template, "--template", template], template, ("overwrite the input",),
             inputs, outputs)


def test_lint_report_over_the_input(work):
    inputs, outputs, spec, old, new = work
    _refused(["lint", old, "-o", old], old, ("overwrite the input",), inputs, outputs)


def test_lint_redline_over_the_input(work):
    inputs, outputs, spec, old, new = work
    _refused(["lint", old, "--redline", old], old, ("overwrite the input",), inputs, outputs)


def test_lint_redline_into_a_directory(work):
    inputs, outputs, spec, old, new = work
    _refused(["lint", old, "--redline", outputs], outputs, ("directory",), inputs, outputs)


def test_compare_output_is_old(work):
    inputs, outputs, spec, old, new = work
    _refused(["compare", old, new, "-o", old], old, ("overwrite the input",), inputs, outputs)


def test_compare_output_is_a_hard_link_to_new(work):
    inputs, outputs, spec, old, new = work
    alias = outputs / "redline.docx"
    os.link(new, alias)
    _refused(["compare", old, new, "-o", alias], alias, ("overwrite the input",), inputs, outputs)


def test_renew_output_folder_is_a_file(work):
    inputs, outputs, spec, old, new = work
    not_a_folder = outputs / "file"
    not_a_folder.write_text("x")
    _refused(["renew", spec, "--start", START, "-o", not_a_folder], not_a_folder, ("not a folder",),
             inputs, outputs)


def test_renew_would_write_over_its_spec_through_a_symlink(work):
    """The renewed spec's name (minimal-2027.yaml) is a symlink to the input spec: nothing may be written."""
    inputs, outputs, spec, old, new = work
    link = outputs / "minimal-2027.yaml"
    link.symlink_to(spec)
    _refused(["renew", spec, "--start", START, "-o", outputs], link, ("overwrite the input",), inputs, outputs)


def test_schema_output_is_a_directory(work):
    inputs, outputs, spec, old, new = work
    _refused(["schema", "-o", outputs], outputs, ("directory",), inputs, outputs)
