"""The project's errors: each carries the HTTP status it maps to."""

from __future__ import annotations


class LacsError(Exception):
    """Base of every error lacs-ld raises on purpose."""

    status = 500

    def __init__(self, message: str, *, detail: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


class SettingError(LacsError):
    """A setting's value is not allowed."""

    status = 400


class PublishError(LacsError):
    """The data could not be published: syntax errors or SHACL violations."""

    status = 500

    def __init__(self, message: str, *, report: str = "") -> None:
        super().__init__(message, detail=report)
        self.report = report


class QueryError(LacsError):
    """A SPARQL query the client sent is wrong (syntax, unsupported feature)."""

    status = 400


class QueryRefused(LacsError):
    """An update sent to the read-only endpoint: understood, and refused."""

    status = 403


class UnsupportedMediaType(LacsError):
    """A request body in a media type the endpoint does not read."""

    status = 415


class NotAcceptable(LacsError):
    """No representation the client accepts can be produced."""

    status = 406


class QueryTimeout(LacsError):
    """A query ran past the configured timeout and was stopped."""

    status = 503


class AnswerTooLarge(LacsError):
    """A query's answer exceeds the byte ceiling; refused, never truncated silently."""

    status = 400


class AnswerCut(LacsError):
    """A streamed answer stopped part-way (ceiling, time limit, engine); the client must see it.

    Raised while the body is being sent, it makes the server drop the connection without the
    final chunk, after a line no results format parses.
    """

    status = 500


class Overloaded(LacsError):
    """Every query worker is busy; the client should retry."""

    status = 503


class EngineFailure(LacsError):
    """The query engine failed on a query (for example, crashed); the service stays up."""

    status = 422


class StoreUnavailable(LacsError):
    """The SPARQL store could not be reached."""

    status = 502


class StoreTimeout(LacsError):
    """The remote SPARQL store did not answer in time."""

    status = 504


class StoreRejected(LacsError):
    """The remote SPARQL store refused a query."""

    status = 400
