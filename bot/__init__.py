"""fixbot: policy-governed remediation of infrastructure security findings through pull requests."""

__version__ = "0.1.0"
