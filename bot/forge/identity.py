"""Who someone is on a forge: a user login, compared the way GitHub compares them.

An approver is a user login, never a team (`@org/team`), an e-mail address or a spelling
variant of either. Logins are ASCII (letters, digits, single hyphens, at most 39 characters;
GitHub Apps act as `name[bot]`) and compared case-insensitively. CODEOWNERS entries are
classified once (user / team / e-mail / invalid); a team grants ownership only through the
forge's answer about its ACTIVE members.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from bot.errors import InputError

_LOGIN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}")
_APP = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,33}\[bot\]")
_SLUG = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9_.-]){0,99}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


class Membership(StrEnum):
    """A forge's answer to "is this login a member of this team?"."""

    active = "active"
    pending = "pending"  # invited, not accepted: not a member yet
    absent = "absent"
    unverifiable = "unverifiable"  # the forge cannot tell (e.g. the App lacks `members: read`)


class OwnerKind(StrEnum):
    user = "user"
    team = "team"
    email = "email"
    invalid = "invalid"


@dataclass(frozen=True)
class Owner:
    """One CODEOWNERS entry, classified."""

    kind: OwnerKind
    text: str  # as written
    name: str = ""  # user: the login; team: "org/slug"


def is_login(text: str) -> bool:
    return bool(_LOGIN.fullmatch(text) or _APP.fullmatch(text))


def login_key(login: str) -> str:
    """The comparison key of a login: GitHub logins are case-insensitive (and ASCII)."""
    return login.lower()


def same_login(a: str, b: str) -> bool:
    return is_login(a) and is_login(b) and login_key(a) == login_key(b)


def require_login(text: str, what: str = "--as") -> str:
    """`text` as a user login (one leading `@` allowed); anything else → InputError naming why."""
    candidate = text[1:] if text.startswith("@") else text
    if is_login(candidate):
        return candidate
    owner = parse_owner(text if text.startswith("@") or "@" in text else f"@{text}")
    why = {
        OwnerKind.team: "is a team, not a user: an approval comes from one person, a member of the team",
        OwnerKind.email: "is an e-mail address, not a user login",
    }.get(owner.kind, "is not a valid user login (letters, digits and single hyphens, at most 39)")
    raise InputError(f"{what} {text!r} {why}", hint="give the approver's forge login, e.g. --as carol")


def parse_owner(text: str) -> Owner:
    """Classify a CODEOWNERS owner: `@login`, `@org/team-slug`, `user@example.com`, or invalid."""
    if _EMAIL.fullmatch(text):
        return Owner(OwnerKind.email, text)
    if text.startswith("@"):
        body = text[1:]
        org, slash, slug = body.partition("/")
        if slash and _LOGIN.fullmatch(org) and _SLUG.fullmatch(slug):
            return Owner(OwnerKind.team, text, f"{org}/{slug}")
        if not slash and is_login(body):
            return Owner(OwnerKind.user, text, body)
    return Owner(OwnerKind.invalid, text)


def split_team(team: str) -> tuple[str, str]:
    """("org", "slug") of "org/slug" or "@org/slug"; InputError otherwise."""
    owner = parse_owner(team if team.startswith("@") else f"@{team}")
    if owner.kind is not OwnerKind.team:
        raise InputError(f"{team!r} is not a team (expected @org/team)")
    org, _, slug = owner.name.partition("/")
    return org, slug
