"""Manifests with unexpected shapes never crash a rewriter: each one edits or says why not."""

from __future__ import annotations

import pytest

from bot.inventory.kubernetes import parse_manifests
from bot.yamlsafe import load_yaml_all
from rewriters.base import Edit, RewriteContext, Skip
from rewriters.kubernetes import KUBERNETES_REWRITERS

HEAD = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: odd\n"
SHAPES = {
    "spec_is_a_list": "spec: [1, 2]\n",
    "template_is_a_string": "spec:\n  template: nope\n",
    "containers_is_a_map": "spec:\n  template:\n    spec:\n      containers: {name: x}\n",
    "container_is_a_string": "spec:\n  template:\n    spec:\n      containers: [just-a-string]\n",
    "security_context_is_a_list": "spec:\n  template:\n    spec:\n      securityContext: [a]\n"
    "      containers:\n      - name: c\n        image: x:1\n        securityContext: [a]\n",
    "capabilities_is_a_number": "spec:\n  template:\n    spec:\n      containers:\n      - name: c\n"
    "        image: x:1\n        securityContext: {capabilities: 5}\n",
    "resources_is_a_string": "spec:\n  template:\n    spec:\n      containers:\n      - name: c\n"
    "        image: x:1\n        resources: big\n        ports: [{hostPort: 1}]\n",
    "null_everywhere": "spec:\n  template:\n    metadata:\n    spec:\n      securityContext:\n"
    "      containers:\n      - name: c\n        image:\n        securityContext:\n",
}
PARAMS = {"namespace": "apps", "runtime_class": "gvisor", "label_key": "tier", "label_value": "a"}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_every_rewriter_edits_or_skips_on_odd_shapes(shape: str) -> None:
    text = HEAD + SHAPES[shape]
    resource = parse_manifests(text, "odd.yaml").resources[0]
    for rw in KUBERNETES_REWRITERS:
        params = {p.name: p.default or PARAMS.get(p.name, "") for p in rw.parameters}
        outcome = rw.apply(RewriteContext(text=text, resource=resource, findings=(), params=params))
        assert isinstance(outcome, Edit | Skip), rw.id
        if isinstance(outcome, Edit):
            assert load_yaml_all(outcome.text, rw.id)
