"""HTTP to a SPARQL 1.1 store through SPARQLWrapper: timeouts, basic auth, errors translated.

Every failure leaves this module as one of the project's errors: the store cannot be reached
(StoreUnavailable, 502), it did not answer in time (StoreTimeout, 504) or it refused the
request (StoreRejected, 400, with the store's own message). Credentials go into the
Authorization header and nowhere else: no message, log line or repr names them.
"""

from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from SPARQLWrapper import BASIC, POST, POSTDIRECTLY, URLENCODED, SPARQLWrapper

from lacs_ld.errors import LacsError, StoreRejected, StoreTimeout, StoreUnavailable

# Seconds to open a TCP (and TLS) connection to the store: short, so a store that is down
# is reported at once rather than after the whole query timeout.
CONNECT_SECONDS = 3.0
CHUNK_BYTES = 1 << 16
MESSAGE_CHARS = 600


def _connector(connect_timeout: float) -> Any:
    def create_connection(
        address: tuple[str, int], timeout: Any = None, source_address: Any = None
    ) -> socket.socket:
        sock = socket.create_connection(address, connect_timeout, source_address)
        # After the connection is made, each read waits at most the read timeout.
        sock.settimeout(timeout if isinstance(timeout, int | float) else None)
        return sock

    return create_connection


class _HTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = _connector(CONNECT_SECONDS)


class _HTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = _connector(CONNECT_SECONDS)


class _HTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_HTTPConnection, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_HTTPSConnection, req)


_OPENER = urllib.request.build_opener(_HTTPHandler, _HTTPSHandler)


class _Wrapper(SPARQLWrapper):
    """SPARQLWrapper told the query form (no guessing, no warnings) and using our opener."""

    def __init__(self, endpoint: str, update_endpoint: str, form: str) -> None:
        self._lacs_form = form
        super().__init__(endpoint, updateEndpoint=update_endpoint or None)

    def _parseQueryType(self, query: str) -> str:
        return self._lacs_form

    def _query(self) -> tuple[http.client.HTTPResponse, str]:
        request = self._createRequest()
        return _OPENER.open(request, timeout=self.timeout), self.returnFormat


@dataclass(frozen=True)
class Endpoint:
    """Where the store answers queries and updates, and as whom."""

    query_url: str
    update_url: str = ""
    user: str = ""
    password: str = field(default="", repr=False)

    def request(
        self,
        text: str,
        *,
        form: str,
        accept: str,
        timeout: float,
        default_graphs: Sequence[str] = (),
        named_graphs: Sequence[str] = (),
    ) -> http.client.HTTPResponse:
        """Send a query (form SELECT/ASK/CONSTRUCT/DESCRIBE) or an update (form UPDATE)."""
        update = form == "UPDATE"
        wrapper = _Wrapper(self.query_url, self.update_url, "INSERT" if update else form)
        wrapper.setMethod(POST)
        wrapper.setRequestMethod(POSTDIRECTLY if update else URLENCODED)
        wrapper.setOnlyConneg(True)
        wrapper.timeout = timeout  # type: ignore[assignment]  # setTimeout truncates to int
        wrapper.addCustomHttpHeader("Accept", accept)
        if self.user or self.password:
            wrapper.setHTTPAuth(BASIC)
            wrapper.setCredentials(self.user, self.password)
        for graph in default_graphs:
            wrapper.addParameter("default-graph-uri", graph)
        for graph in named_graphs:
            wrapper.addParameter("named-graph-uri", graph)
        wrapper.setQuery(text)
        where = self.update_url if update else self.query_url
        try:
            response: http.client.HTTPResponse = wrapper.query().response
        except urllib.error.HTTPError as exc:
            raise _translate_status(exc.code, _body_text(exc), where) from None
        except TimeoutError:
            raise StoreTimeout(
                f"the SPARQL store at {where} did not answer within {timeout:g} s"
            ) from None
        except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, TimeoutError | socket.timeout):
                raise StoreTimeout(
                    f"the SPARQL store at {where} could not be reached within {CONNECT_SECONDS:g} s"
                ) from None
            raise StoreUnavailable(
                f"the SPARQL store at {where} cannot be reached ({reason}); "
                "the service answers again as soon as the store is back"
            ) from None
        return response


def read_body(
    response: http.client.HTTPResponse,
    *,
    deadline: float,
    where: str,
    max_bytes: int | None = None,
    too_large: LacsError | None = None,
) -> bytes:
    """The whole body, read by the deadline; stops early once it has more than max_bytes."""
    chunks: list[bytes] = []
    size = 0
    try:
        with response:
            while True:
                if time.monotonic() > deadline:
                    raise StoreTimeout(
                        f"the SPARQL store at {where} did not finish its answer in time"
                    )
                chunk = response.read(CHUNK_BYTES)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
                if max_bytes is not None and too_large is not None and size > max_bytes:
                    raise too_large
    except TimeoutError:
        raise StoreTimeout(f"the SPARQL store at {where} stopped sending its answer") from None
    except (OSError, http.client.HTTPException) as exc:
        raise StoreUnavailable(
            f"the connection to the SPARQL store at {where} broke mid-answer ({exc})"
        ) from None
    return b"".join(chunks)


def _body_text(exc: urllib.error.HTTPError) -> str:
    try:
        raw = exc.read()
    except (OSError, http.client.HTTPException):
        raw = b""
    text = raw.decode("utf-8", "replace").strip()
    return text[:MESSAGE_CHARS] + ("…" if len(text) > MESSAGE_CHARS else "")


def _translate_status(status: int, message: str, where: str) -> LacsError:
    said = f": {message}" if message else ""
    lowered = message.lower()
    if status in (408, 504) or (status >= 500 and ("cancel" in lowered or "timeout" in lowered)):
        return StoreTimeout(f"the SPARQL store stopped the query after its time limit{said}")
    if status in (400, 422):
        return StoreRejected(f"the SPARQL store rejected the query{said}")
    if status in (401, 403):
        # Never echo the credentials; say which setting to check.
        return StoreUnavailable(
            f"the SPARQL store at {where} refused our credentials (HTTP {status}); "
            "check LACS_LD_REMOTE_USER and LACS_LD_REMOTE_PASSWORD"
        )
    if status == 413 or status == 414:
        return StoreRejected(f"the SPARQL store found the request too large (HTTP {status}){said}")
    return StoreUnavailable(f"the SPARQL store at {where} failed (HTTP {status}){said}")
