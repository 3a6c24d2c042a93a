"""Making and recognising API tokens. A token is shown once; only its hash is kept."""

import hashlib
import secrets

TOKEN_PREFIX = "upl_"  # marks Uplift tokens, so that leaked ones are easy to search for
PREFIX_LENGTH = 12  # "upl_" and eight random characters


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def prefix_of(token: str) -> str:
    return token[:PREFIX_LENGTH]
