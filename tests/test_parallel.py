"""Full builds render on every core: the same files as one process, errors reported."""
from __future__ import annotations


import pytest

from support import CONTENT, TEMPLATES
from generator.site import parallel
from generator.site.build import Builder
from generator.errors import RenderError


@pytest.fixture(scope="module")
def planned():
    builder = Builder(CONTENT, TEMPLATES, "https://example.org/m/")
    site = builder.plan(builder.check())
    return site, lambda output: builder.renderer.render(output, site.base_url)


def test_workers_render_the_same_files_as_one_process(planned):
    site, render = planned
    alone = dict(parallel.render_all(site.outputs, render, workers=1))
    shared = list(parallel.render_all(site.outputs, render, workers=3))
    assert len(shared) == len(alone) == len(site.outputs)
    assert dict(shared) == alone


def test_a_failing_worker_is_reported(planned):
    site, render = planned
    broken = site.outputs[1].path  # with two workers, the forked one renders outputs[1::2]

    def fail_on_one(output):
        if output.path == broken:
            raise RenderError(f"templates/x.html:3: error while rendering {broken}")
        return render(output)

    with pytest.raises(RenderError, match="error while rendering"):
        list(parallel.render_all(site.outputs, fail_on_one, workers=2))


def test_small_sites_stay_in_one_process():
    assert parallel.workers_for(parallel.MIN_OUTPUTS - 1) == 1
