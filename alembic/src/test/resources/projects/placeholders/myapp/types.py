"""Application-defined column types, as real projects write them (TypeDecorator over a dialect
type): strata cannot know what they render as, so an import leaves a placeholder or takes
``--type-map myapp.types.GUID=UUID``."""
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.types import TypeDecorator


class GUID(TypeDecorator):
    """A UUID: PostgreSQL's uuid type."""

    impl = postgresql.UUID
    cache_ok = True


class Money(TypeDecorator):
    """An amount in minor units: a BIGINT."""

    impl = sa.BigInteger
    cache_ok = True
