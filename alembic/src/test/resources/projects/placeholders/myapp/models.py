"""The ORM model a data migration reads through a session."""
import sqlalchemy as sa
from sqlalchemy import orm

Base = orm.declarative_base()


class Document(Base):
    __tablename__ = "documents"

    id = sa.Column(sa.Integer, primary_key=True)
    title = sa.Column(sa.String(200), nullable=False)
    body = sa.Column(sa.Text)
    word_count = sa.Column(sa.Integer)
