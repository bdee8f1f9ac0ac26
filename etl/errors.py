"""Exceptions raised by the pipeline's stages.

Each carries a one-line, human-readable reason; the flow turns the ones that
concern a single file (:class:`ArticleError` and subclasses) into a
:class:`etl.models.Rejection`, and the CLI prints :class:`NewsEtlError` as one
line without a stack trace.
"""


class NewsEtlError(Exception):
    """Base class for expected faults: the message is the one line the user sees."""


class ArticleError(NewsEtlError):
    """A single file cannot become an article; the run goes on without it."""


class EncodingError(ArticleError):
    """The bytes are not text in any encoding we can detect (binary, undecodable)."""


class ParseError(ArticleError):
    """The text is not an article in the seed format (no/invalid date header, no body)."""


class ElasticsearchUnavailable(NewsEtlError):
    """The configured Elasticsearch cluster cannot be reached or refused our credentials."""


class LocalNodeError(NewsEtlError):
    """Provisioning, starting or stopping the local Elasticsearch node failed."""


class ConfigError(NewsEtlError):
    """A ``NEWSETL_`` setting has a value the pipeline cannot use."""


class ModelNotInstalled(NewsEtlError):
    """The configured spaCy pipeline package is not installed."""
