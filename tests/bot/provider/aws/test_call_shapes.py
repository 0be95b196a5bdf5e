"""Every API call a check declares exists in botocore's model of its service, and the parameters it
builds from a live id are valid for it: a typo would otherwise surface only against a real account
(moto does not serve every service the checks read)."""

from __future__ import annotations

import botocore.session
from botocore.exceptions import ParamValidationError
from botocore.validate import validate_parameters

from bot.provider.aws.catalog import REGISTRY
from bot.provider.aws.declarative import AwsCheck

LIVE_ID = "arn:aws:acm:eu-west-1:123456789012:certificate/0b1c2d3e"  # long enough for any id's min length


def test_declared_calls_exist_and_their_parameters_validate() -> None:
    models = botocore.session.get_session()
    problems: list[str] = []
    for name, rtype in REGISTRY:
        check = REGISTRY.get(name, rtype)
        for call in check.calls if isinstance(check, AwsCheck) else ():
            op = models.get_service_model(call.service).operation_model(call.operation)
            params = call.params(LIVE_ID)
            try:
                if params:
                    validate_parameters(params, op.input_shape)
            except ParamValidationError as exc:
                problems.append(f"{name} for {rtype}: {call.service}.{call.operation}: {exc}")
    assert problems == []
