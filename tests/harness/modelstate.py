"""Compare pydantic models by their whole state, for code that builds models without validation."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


def model_state(value: Any) -> Any:
    """Type, fields in order, `model_fields_set`, extra and private state, nested models included."""
    if isinstance(value, BaseModel):
        fields = [(k, model_state(v)) for k, v in value.__dict__.items()]
        return (type(value), fields, set(value.model_fields_set), value.__pydantic_extra__, value.__pydantic_private__)
    if isinstance(value, tuple | list):
        return (type(value), [model_state(v) for v in value])
    if isinstance(value, dict):
        return (type(value), [(k, model_state(v)) for k, v in value.items()])
    return (type(value), value)


def revalidated(model: BaseModel) -> BaseModel:
    """`model` built again through validation from the fields it was given (nested models too)."""
    given = {k: _revalidated_value(getattr(model, k)) for k in model.model_fields_set}
    return type(model)(**given)


def _revalidated_value(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return revalidated(value)
    if isinstance(value, tuple):
        return tuple(_revalidated_value(v) for v in value)
    return value
