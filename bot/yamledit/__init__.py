"""Minimal-diff YAML editing: one document of a stream, comments and formatting kept."""

from bot.yamledit.document import Mutator, Refusal, append_document, edit_document, load_documents

__all__ = ["Mutator", "Refusal", "append_document", "edit_document", "load_documents"]
