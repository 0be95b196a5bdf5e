"""What a generator is: new resources that give a safe value to a parameter nobody set.

A generator is data: the HCL of the resources it adds to the module (one file of its own,
`file`, in the module directory), the block whose presence means "already generated here"
(`anchor`: a rerun reuses it), and the references the fix uses instead of the parameter.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Generator:
    name: str  # e.g. "kms_key"; the variant's action is `<rewriter action>_with_generated_<name>`
    file: str  # file name the resources go to, in the module directory of the fixed resource
    anchor: tuple[str, str]  # (resource type, name) of the block that marks it as generated
    reference: str  # HCL expression given to the parameter that declares this generator
    hcl: Callable[[int | None], str | None]  # AWS provider major -> the blocks (None: cannot here)
    title: str  # what it creates, for the plan's title and review guidance
    review_guidance: str
    rollback_plan: str
    grants: bool  # it writes a permission (key policy, bucket policy, role): the variant changes IAM
    extra: dict[str, str] = field(default_factory=dict)  # other parameters it fills when they are empty
    requires: tuple[str, ...] = ()  # generators whose resources its HCL references
    refusal: str = ""  # why `hcl` may return None
