"""The closed loop: fix → checks → merge or approval → apply → verify → revert, audited."""
