"""saidwhat.web.app: FastAPI app serving the page and the REST API.

A thin adapter over :func:`saidwhat.extract_many`, the call behind ``saidwhat
extract``: ``POST /api/extract`` returns, per article, the same
``{"id": ..., "quotes": [records]}`` object as one line of the CLI's JSONL output.

Routes:
    ``GET /``: the page (``static/index.html``); ``GET /static/*``: its assets.
    ``HEAD`` is answered on every ``GET`` route (status and headers, no body).
    ``POST /api/extract``: quotations of one article or of a batch.
    ``GET /api/info``: version, model, limits, whether a corpus store is open.
    ``GET /api/corpus/...``: browse a DuckDB corpus store (``--db``), see
    :mod:`saidwhat.web.corpus`.
    ``GET /docs``, ``GET /openapi.json``: the OpenAPI schema (Swagger UI served
    from the ``fastapi-offline`` package, no CDN).

Errors are JSON ``{"error": code, "message": text, "detail": ...}`` with status 400
(malformed body: not UTF-8, not JSON, neither or both of ``text``/``articles``), 413
(body over ``max_body`` bytes, or an article longer than ``max_chars`` characters),
415 (not ``application/json``), 422 (a field of the wrong type), 503 (a model process
died; it is replaced) or 504 (the extraction took longer than ``timeout`` seconds;
the process doing it was killed and is replaced). A request whose client goes away
is cancelled the same way.

The spaCy pipeline is loaded once, at start-up, before the first request, and never
runs on the event loop: it parses in ``workers`` model processes fed from one queue,
plus one for very long articles (:mod:`saidwhat.web.runner`).
"""
from __future__ import annotations

import asyncio
import csv
import io
import json
import re
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date
from importlib.resources import files
from typing import Any, Literal

import anyio
from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from spacy.language import Language
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..errors import Errors, Warnings
from ..io.base import Article, coerce_id
from ..io.jsonl import article_record
from ..language import foreign_language
from .runner import DEFAULT_LONG_CHARS, ExtractTimeout, ProcessRunner, ThreadRunner, WorkerDied

#: Default limit on a request body, in bytes (2 MB).
DEFAULT_MAX_BODY = 2_000_000

#: Default time limit of one extraction request, in seconds.
DEFAULT_TIMEOUT = 30.0

#: Default limit on the length of one article, in characters.
DEFAULT_MAX_CHARS = 1_000_000

STATIC_DIR = files("saidwhat.web") / "static"

#: Headers of the page: scripts and styles only from this server, no inline code, no
#: plugins, no framing. A second line of defence; the page itself never parses
#: article text as HTML.
PAGE_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
        "frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Settings:
    """Options of one app instance.

    Attributes:
        model: spaCy pipeline name or path; ``None`` for saidwhat's default.
        db: Path of a DuckDB corpus store to browse, or ``None``.
        max_body: Largest accepted request body, in bytes.
        workers: Model processes that parse ordinary requests, fed from one queue
            (see :mod:`saidwhat.web.runner`); one more parses very long ones.
        timeout: Seconds an extraction request may take (waiting for a model process
            included) before it is answered 504 and the process doing it is killed and
            replaced; ``None`` for no limit.
        max_chars: Longest accepted article, in characters (413 above; never more
            than the pipeline's ``max_length``).
        long_chars: Requests with more characters than this are parsed by a separate
            model process, so that they never hold the others' processes.
    """

    model: str | None = None
    db: str | None = None
    max_body: int = DEFAULT_MAX_BODY
    workers: int = 1
    timeout: float | None = DEFAULT_TIMEOUT
    max_chars: int = DEFAULT_MAX_CHARS
    long_chars: int = DEFAULT_LONG_CHARS


# --- request and response schemas (also the OpenAPI documentation) -------------------

Id = str | int | None


class ArticleIn(BaseModel):
    """One article of a batch request, like one line of ``saidwhat extract``'s JSONL
    input: other fields (``title``, ``url``, ``date``, ``outlet``, ...) are carried
    through to the answer."""

    model_config = ConfigDict(strict=True, extra="allow")

    id: Id = Field(None, description="String or integer, answered as a string (as the CLI does).")
    text: str = Field(description="The article. Offsets in the answer index this exact string.")


class ExtractRequest(BaseModel):
    """Body of ``POST /api/extract``: either ``text`` (one article; other fields are
    carried through, as for an article of ``articles``) or ``articles``."""

    model_config = ConfigDict(
        strict=True, extra="allow",
        json_schema_extra={"examples": [
            {"text": '"We will rebuild," the mayor said.'},
            {"articles": [{"id": "a1", "text": '"We will rebuild," the mayor said.'}]},
        ]},
    )

    text: str | None = Field(None, description="One article.")
    id: Id = Field(None, description="Id of the single article, answered as a string.")
    articles: list[ArticleIn] | None = Field(None, description="Several articles, answered in order.")


class QuoteRecord(BaseModel):
    """One quotation: :meth:`saidwhat.Quote.to_dict`. Offsets are character (code point)
    indices into the article text, end exclusive."""

    model_config = ConfigDict(extra="allow")

    quote: str
    quote_start: int
    quote_end: int
    type: Literal["direct", "indirect", "mixed"]
    speaker: str | None = None
    speaker_type: str | None = None
    speaker_role: str | None = None
    speaker_mention: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    channel: str | None = None
    confidence: float = Field(0.0, description="0–1, how sure the extractor is of the speaker.")
    flags: list[str] = []
    speaker_id: str | None = Field(None, description="The speaker's entity id within the article (E1, E2, ...).")
    speaker_gender: Literal["female", "male"] | None = Field(
        None, description="The speaker's gender where the article or the name decides it, else null.")
    speaker_gender_source: Literal["pronoun", "honorific", "role", "name"] | None = Field(
        None, description="Where speaker_gender comes from.")


class QuotedPerson(BaseModel):
    """One distinct speaker of an article (``quoted_people`` of an article line)."""

    speaker_id: str | None = None
    name: str
    gender: Literal["female", "male"] | None = None
    gender_source: Literal["pronoun", "honorific", "role", "name"] | None = None
    quotes: int = Field(0, description="Number of the article's quotation records of this speaker.")


class ArticleQuotes(BaseModel):
    """Quotations of one article: one line of ``saidwhat extract``'s JSONL output,
    ``{"id", <carried fields>, "quotes"}``."""

    model_config = ConfigDict(extra="allow")

    id: str | None = None
    quotes: list[QuoteRecord]
    warnings: list[str] | None = Field(
        None, description="[W005] when an article gave no quotation and looks like another language than "
                          "English (the CLI prints it on stderr); absent otherwise.")
    quoted_people: list[QuotedPerson] = Field(
        default_factory=list, description="The distinct named speakers of the article, with their gender "
                                          "and number of quotations (as on the CLI's JSONL line).")


class BatchQuotes(BaseModel):
    """Answer to an ``articles`` request, in input order."""

    articles: list[ArticleQuotes]


class ErrorBody(BaseModel):
    """Every error answer."""

    error: str = Field(description="Stable machine-readable code, e.g. ``malformed_json``.")
    message: str = Field(description="What went wrong, for people.")
    detail: Any = Field(None, description="Per-field errors for 422, else null.")


class ApiError(Exception):
    """An error answered as :class:`ErrorBody` JSON."""

    def __init__(self, status: int, error: str, message: str, detail: Any = None) -> None:
        super().__init__(message)
        self.status, self.error, self.message, self.detail = status, error, message, detail


class _JSONResponse(JSONResponse):
    """UTF-8 JSON; falls back to ``\\u`` escapes when a carried field holds a lone
    surrogate (valid in JSON, not encodable as UTF-8)."""

    def render(self, content: Any) -> bytes:
        try:
            return super().render(content)
        except UnicodeEncodeError:
            return json.dumps(content, ensure_ascii=True, allow_nan=False,
                              separators=(",", ":")).encode("ascii")


def _error_response(status: int, error: str, message: str, detail: Any = None) -> JSONResponse:
    return JSONResponse({"error": error, "message": message, "detail": detail}, status_code=status)


# --- HEAD -------------------------------------------------------------------------------

class HeadAsGetMiddleware:
    """Answer ``HEAD`` on every ``GET`` route as ``GET`` would, without the body.

    FastAPI's ``@app.get`` routes accept only ``GET`` (``HEAD`` would be 405), so a
    ``HEAD`` request is passed on as ``GET`` and the response's status and headers
    (``Content-Length`` included) are sent with an empty body (RFC 9110, 9.3.2).

    Args:
        app: The wrapped ASGI app.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return
        done = False

        async def send_headers_only(message: Message) -> None:
            nonlocal done
            if message["type"] == "http.response.body":
                if done or message.get("more_body", False):
                    return
                done = True
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app(dict(scope, method="GET"), receive, send_headers_only)


# --- body limit -----------------------------------------------------------------------

class BodyLimitMiddleware:
    """Answer 413 to any request whose body is over ``max_body`` bytes.

    Checks ``Content-Length`` first, then counts the bytes actually received (chunked
    uploads), buffering at most ``max_body`` bytes before handing the body on.

    Args:
        app: The wrapped ASGI app.
        max_body: Limit in bytes.
    """

    def __init__(self, app: ASGIApp, *, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or ())
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_body:
            await self._too_large(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                await self._too_large(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = _error_response(
            413, "too_large",
            f"Request body is larger than the limit of {self.max_body:,} bytes "
            "(saidwhat serve --max-body).")
        await response(scope, receive, send)


# --- the app ------------------------------------------------------------------------------

def _parse_extract_body(body: bytes, content_type: str | None) -> ExtractRequest:
    """Decode and validate a ``POST /api/extract`` body, raising :class:`ApiError`."""
    media = (content_type or "").split(";")[0].strip().lower()
    if media and media != "application/json" and not media.endswith("+json"):
        raise ApiError(415, "unsupported_media_type",
                       f"Send the body as application/json, not {media!r}.")
    if not body.strip():
        raise ApiError(400, "empty_body",
                       'Request body is empty; send {"text": "..."} or {"articles": [...]}.')
    try:
        raw = body.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ApiError(400, "malformed_json", f"Request body is not UTF-8: {e.reason} "
                       f"at byte {e.start}.") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as e:
        raise ApiError(400, "malformed_json", f"Request body is not valid JSON: {e.msg} "
                       f"(line {e.lineno}, column {e.colno}).") from None
    except RecursionError:  # e.g. 100,000 levels of "["
        raise ApiError(400, "malformed_json", "Request body is nested too deeply.") from None
    try:
        req = ExtractRequest.model_validate(data)
    except ValidationError as e:
        raise ApiError(422, "validation_error", _validation_message(e.errors()),
                       _clean_errors(e.errors())) from None
    if (req.text is None) == (req.articles is None):
        which = "both" if req.text is not None else "neither"
        nulls = [k for k in ("text", "articles") if isinstance(data, dict) and k in data and data[k] is None]
        given_null = f' ({" and ".join(chr(34) + k + chr(34) for k in nulls)} given as null)' if nulls else ""
        raise ApiError(400, "bad_request", f'Give either "text" or "articles", not {which}{given_null}.')
    return req


def _clean_errors(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per-field errors without the (possibly huge) offending input."""
    return [{"loc": list(e.get("loc", ())), "type": e.get("type"), "msg": e.get("msg")}
            for e in errors]


def _validation_message(errors: list[dict[str, Any]]) -> str:
    first = errors[0] if errors else {}
    loc = ".".join(str(p) for p in first.get("loc", ())) or "body"
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"Invalid field {loc}: {first.get('msg', 'wrong type')}{more}."


async def _cancel_on_disconnect(request: Request, work: Any) -> Any:
    """Await ``work`` (a coroutine); if the client disconnects first, cancel it (the
    model process doing it is killed and replaced) and raise :class:`ApiError`."""
    task = asyncio.ensure_future(work)

    async def disconnected() -> None:
        while (await request.receive())["type"] != "http.disconnect":
            pass

    watch = asyncio.ensure_future(disconnected())
    try:
        await asyncio.wait({task, watch}, return_when=asyncio.FIRST_COMPLETED)
    except asyncio.CancelledError:
        # the server is stopping (SIGTERM, Ctrl+C) and cancels what is still running:
        # stop the extraction (its process is killed) and say why, instead of a 500
        task.cancel()
        watch.cancel()
        current = asyncio.current_task()
        if current is not None and hasattr(current, "uncancel"):
            current.uncancel()
        try:
            await task
        except BaseException:  # noqa: BLE001 - the cancellation we asked for
            pass
        raise ApiError(503, "shutting_down", "The server is stopping; the extraction was "
                       "cancelled.") from None
    finally:
        if not task.done():
            task.cancel()
        watch.cancel()
    if not task.done() or task.cancelled():
        try:
            await task
        except BaseException:  # noqa: BLE001 - the cancellation we asked for
            pass
        raise ApiError(499, "client_closed_request", "The client went away; the extraction "
                       "was cancelled.")
    return task.result()


def create_app(settings: Settings | None = None, *, nlp: Language | None = None,
               runner: Any = None) -> FastAPI:
    """Build the web app.

    Args:
        settings: Model, corpus store, body limit and workers; defaults to
            :class:`Settings`().
        nlp: An already loaded pipeline (tests share one), run in a thread of this
            process (``settings.workers`` is then ignored); when ``None`` the app loads
            ``settings.model`` once, at start-up, before it accepts requests.
        runner: Where to extract (:mod:`saidwhat.web.runner`), instead of the one
            made from ``settings`` (tests pass a runner with a fake model).

    Returns:
        The ASGI app, to run with uvicorn.

    Raises:
        FileNotFoundError: ``settings.db`` does not exist.
        ImportError: ``settings.db`` is given but ``duckdb`` is not installed.
    """
    settings = settings or Settings()
    corpus = None
    if settings.db is not None:
        from .corpus import Corpus

        corpus = Corpus(settings.db)
    if runner is None and nlp is None:
        runner = ProcessRunner(settings.model, processes=settings.workers,
                               long_chars=settings.long_chars)
    elif runner is None:
        runner = ThreadRunner(settings.model, nlp=nlp)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        try:
            await runner.start()  # the model, loaded once, before the first request
            yield
        finally:
            await runner.close()

    app = _new_fastapi(lifespan)
    app.add_middleware(BodyLimitMiddleware, max_body=settings.max_body)
    app.add_middleware(HeadAsGetMiddleware)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return _error_response(exc.status, exc.error, exc.message, exc.detail)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = list(exc.errors())
        return _error_response(422, "validation_error", _validation_message(errors),
                               _clean_errors(errors))

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, exc: HTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return _error_response(exc.status_code, code, str(exc.detail))

    @app.exception_handler(Exception)
    async def _internal_error(request: Request, exc: Exception) -> JSONResponse:
        return _error_response(500, "internal_error",
                               f"Internal error: {type(exc).__name__}: {exc}")

    def max_chars() -> int:
        return min(settings.max_chars, runner.max_length)

    def check_lengths(texts: list[str]) -> None:
        for text in texts:
            if len(text) > max_chars():
                raise ApiError(413, "text_too_long", f"An article has {len(text):,} characters; "
                               f"the limit is {max_chars():,} (saidwhat serve --max-chars).")

    error_responses = {
        400: {"model": ErrorBody, "description": "Malformed body"},
        413: {"model": ErrorBody, "description": "Body or article too large"},
        415: {"model": ErrorBody, "description": "Body is not application/json"},
        422: {"model": ErrorBody, "description": "A field has the wrong type"},
        503: {"model": ErrorBody, "description": "A model process died (it is replaced)"},
        504: {"model": ErrorBody, "description": "The extraction took longer than the "
              "time limit (saidwhat serve --timeout); it was stopped"},
    }

    @app.post(
        "/api/extract",
        summary="Quotations and speakers of one article or a batch",
        response_model=None,
        responses={200: {"model": ArticleQuotes | BatchQuotes,
                         "description": "`{id, quotes}` for `text`, `{articles: [...]}` for `articles`"},
                   **error_responses},
        openapi_extra={"requestBody": {"required": True, "content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/ExtractRequest"}}}}},
    )
    async def api_extract(request: Request) -> JSONResponse:
        """Extract quotations. Send `{"text": ...}` for one article (answered as
        `{"id", "quotes"}`) or `{"articles": [{"id", "text"}, ...]}` (answered as
        `{"articles": [{"id", "quotes"}, ...]}`), as `saidwhat extract` reads and writes
        JSONL: ids come back as strings, other fields of an article (`title`, `url`,
        `date`, `outlet`, ...) are carried through. Offsets are code-point indices into
        the text, end exclusive."""
        req = _parse_extract_body(await request.body(), request.headers.get("content-type"))
        if req.text is not None:
            items = [(req.id, req.text, dict(req.model_extra or {}))]
        else:
            items = [(a.id, a.text, dict(a.model_extra or {})) for a in req.articles]
        # JSON may carry lone surrogates ("\ud800"), which cannot be encoded back to
        # UTF-8; U+FFFD has the same length, so every offset stays valid.
        texts = [_LONE_SURROGATE.sub("\ufffd", text) for _, text, _ in items]
        check_lengths(texts)
        try:
            results = await _cancel_on_disconnect(
                request, runner.extract(texts, timeout=settings.timeout))
        except ExtractTimeout:
            raise ApiError(504, "timeout", f"The extraction took longer than "
                           f"{settings.timeout:g} s (saidwhat serve --timeout) and was stopped; "
                           "send a shorter text.") from None
        except WorkerDied:
            raise ApiError(503, "worker_died", "A model process died during the extraction "
                           "(out of memory?); it is being replaced. Try again.") from None
        # the CLI's JSONL record: {"id", <carried fields>, "quotes"}
        out = [article_record(Article(coerce_id(id_), text, meta), quotes)
               for (id_, _, meta), text, quotes in zip(items, texts, results)]
        for rec, text in zip(out, texts):
            if not rec["quotes"] and (language := foreign_language(text)) is not None:
                # [W005], which the CLI prints on stderr, in the answer itself
                rec["warnings"] = [Warnings.W005.format(what="the text", language=language)]
        return _JSONResponse(out[0] if req.text is not None else {"articles": out})

    @app.get("/api/info", summary="Version, model, limits and corpus availability")
    async def api_info() -> dict[str, Any]:
        """What the page needs to know about this server."""
        return {"version": __version__, "model": runner.model,
                "workers": getattr(runner, "processes", 1),
                "max_body": settings.max_body, "max_length": max_chars(),
                "timeout": settings.timeout, "long_chars": settings.long_chars,
                "corpus": corpus is not None}

    _add_corpus_routes(app, corpus)

    @app.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        return FileResponse(str(STATIC_DIR / "index.html"), headers=PAGE_HEADERS)

    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    _register_request_schema(app)
    return app


def _new_fastapi(lifespan) -> FastAPI:
    kwargs = dict(title="saidwhat", version=__version__, lifespan=lifespan,
                  description="Who said what, in the news: quotation extraction and speaker "
                  "attribution. The page is at `/`.")
    try:  # Swagger UI's files from a package, so /docs works offline
        from fastapi_offline import FastAPIOffline
    except ImportError:  # pragma: no cover - the web extra installs it
        return FastAPI(**kwargs)
    return FastAPIOffline(**kwargs)


def _register_request_schema(app: FastAPI) -> None:
    """Add :class:`ExtractRequest` to the OpenAPI components (the route parses its body
    itself, to answer malformed input with its own 400/415/422)."""
    base = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = base()
        comp = schema.setdefault("components", {}).setdefault("schemas", {})
        req = ExtractRequest.model_json_schema(ref_template="#/components/schemas/{model}")
        comp.update(req.pop("$defs", {}))
        comp["ExtractRequest"] = req
        app.openapi_schema = schema
        return schema

    app.openapi = openapi


def _csv_response(name: str, cols: list[str], rows: list[dict[str, Any]]) -> Response:
    """``rows`` as a CSV download ``<name>.csv`` (UTF-8, a header row; None as empty)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(cols)
    w.writerows(["" if r.get(c) is None else r.get(c) for c in cols] for r in rows)
    return Response(buf.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})


def _add_corpus_routes(app: FastAPI, corpus) -> None:
    """Routes under ``/api/corpus``: 404 ``no_corpus`` when the app has no store."""

    def need() -> Any:
        if corpus is None:
            raise ApiError(404, "no_corpus", "No corpus store is open: start the server with "
                           "`saidwhat serve --db PATH`.")
        return corpus

    async def run(fn, *args, **kw):
        if kw.get("date_from") and kw.get("date_to") and kw["date_from"] > kw["date_to"]:
            # as the CLI's [E111]: a reversed range matches no article
            raise ApiError(422, "bad_range", Errors.E111.format(date_from=kw["date_from"], date_to=kw["date_to"]))
        return await anyio.to_thread.run_sync(lambda: fn(*args, **kw))

    @app.get("/api/corpus/speakers", summary="Most quoted speakers of the corpus store")
    async def corpus_speakers(
        limit: int = Query(25, ge=1, le=500),
        date_from: date | None = Query(None, description="First article date, YYYY-MM-DD"),
        date_to: date | None = Query(None, description="Last article date, YYYY-MM-DD"),
    ) -> dict[str, Any]:
        """Speakers by number of quotations, as `saidwhat query speakers`:
        `{speakers: [{name, type, role, n_quotes, articles, share}]}` (share 0–1)."""
        return {"speakers": await run(need().top_speakers, limit=limit, date_from=date_from,
                                      date_to=date_to)}

    @app.get("/api/corpus/quotes", summary="Search the quotations of the corpus store")
    async def corpus_quotes(
        q: str | None = Query(None, description="Words in the quotation (case-insensitive)"),
        speaker: str | None = Query(None, description="Speaker name or part of it "
                                    "(case-insensitive; % and _ are wildcards)"),
        date_from: date | None = Query(None, description="First article date, YYYY-MM-DD"),
        date_to: date | None = Query(None, description="Last article date, YYYY-MM-DD"),
        limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=100_000),
    ) -> dict[str, Any]:
        """Quotations, newest first, as `saidwhat query quotes`: `{quotes: [{date, outlet,
        article_id, speaker, type, cue, quote}], offset, more}`."""
        return await run(need().search_quotes, text=q, speaker=speaker, date_from=date_from,
                         date_to=date_to, limit=limit, offset=offset)

    def table(name: str, cols: list[str], rows: list[dict[str, Any]], fmt: str, key: str) -> Any:
        if fmt == "csv":
            return _csv_response(name, cols, rows)
        return {key: rows}

    @app.get("/api/corpus/sources", summary="Quoted people and quotations by gender, per outlet and/or month",
             responses={200: {"content": {"text/csv": {}}, "description": "JSON, or CSV with format=csv"}})
    async def corpus_sources(
        by: Literal["", "outlet", "month", "outlet,month", "month,outlet"] = Query(
            "", description="Group by outlet, month (YYYY-MM of the article date) or both; "
            "empty: one row for the store"),
        date_from: date | None = Query(None, description="First article date, YYYY-MM-DD "
                                       "(undated articles are then left out)"),
        date_to: date | None = Query(None, description="Last article date, YYYY-MM-DD"),
        format: Literal["json", "csv"] = Query("json", description="json, or csv (a download)"),
    ) -> Any:
        """Who is quoted, by gender, as `saidwhat query sources --by BY`: `{rows: [{outlet?,
        month?, articles, people, people_women, people_men, people_unknown, quotes,
        quotes_women, quotes_men, quotes_unknown, share_women}]}` (share_women 0–1 or
        null). With `format=csv`, the same rows as a CSV file."""
        keys = tuple(k for k in by.split(",") if k)
        cols, rows = await run(need().sources, by=keys, date_from=date_from, date_to=date_to)
        name = "sources" + ("-by-" + "-".join(keys) if keys else "")
        return table(name, cols, rows, format, "rows")

    @app.get("/api/corpus/people", summary="The most quoted people of the corpus store, with gender",
             responses={200: {"content": {"text/csv": {}}, "description": "JSON, or CSV with format=csv"}})
    async def corpus_people(
        limit: int = Query(20, ge=1, le=500),
        date_from: date | None = Query(None, description="First article date, YYYY-MM-DD"),
        date_to: date | None = Query(None, description="Last article date, YYYY-MM-DD"),
        format: Literal["json", "csv"] = Query("json", description="json, or csv (a download)"),
    ) -> Any:
        """The people of `saidwhat query sources`, most quoted first: `{people: [{name,
        gender, quotes, articles, outlets}]}` (gender "female", "male" or null)."""
        cols, rows = await run(need().quoted_people, limit=limit, date_from=date_from, date_to=date_to)
        return table("quoted-people", cols, rows, format, "people")

    @app.get("/api/corpus/clusters", summary="Quotations found in several articles (provenance)")
    async def corpus_clusters(
        min_articles: int = Query(2, ge=1, le=10_000), conflicts: bool = Query(False),
        limit: int = Query(50, ge=1, le=500),
        format: Literal["json", "csv"] = Query("json", description="json, or csv (a download)"),
    ) -> Any:
        """As `saidwhat query clusters`: `{clusters: [{cluster_id, canonical, first_article,
        first_date, articles, appearances (count), outlets, speakers, speaker, conflict}]}`.
        With `format=csv`, one row per cluster with the CLI's CSV columns."""
        found = await run(need().clusters, min_articles=min_articles, conflicts=conflicts, limit=limit)
        if format == "csv":
            from ..store.provenance import CLUSTER_COLUMNS, cluster_row

            rows = [dict(zip(CLUSTER_COLUMNS, cluster_row(c))) for c in found["clusters"]]
            return _csv_response("clusters", list(CLUSTER_COLUMNS), rows)
        return found

    @app.get("/api/corpus/clusters/{cluster_id}", summary="One quotation's appearances and differences")
    async def corpus_cluster(cluster_id: int) -> dict[str, Any]:
        """A cluster with `appearances` in date order, each with `kinds`, `segments`
        (word-level differences from `canonical`) and `conflict`."""
        found = await run(need().cluster, cluster_id)
        if found is None:
            raise ApiError(404, "not_found", f"No quotation cluster {cluster_id} in the store.")
        return found

    @app.get("/api/corpus/trace", summary="Where a quotation (or part of one) appeared")
    async def corpus_trace(q: str = Query(..., min_length=1, max_length=5000,
                                          description="The quotation or part of it")) -> dict[str, Any]:
        """As `saidwhat trace`: `{clusters: [cluster with appearances]}`, best match first."""
        return await run(need().trace, q)

    @app.get("/api/corpus/articles/{article_id}", summary="One stored article with its quotations")
    async def corpus_article(article_id: str) -> dict[str, Any]:
        """`{id, url, title, date, outlet, text, quotes: [records]}`."""
        article = await run(need().article, article_id)
        if article is None:
            raise ApiError(404, "not_found", f"No article with id {article_id!r} in the store.")
        return article
