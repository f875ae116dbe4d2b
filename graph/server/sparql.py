"""The SPARQL 1.1 Protocol at ``/sparql``: GET, POST URL-encoded and POST direct, read-only.

* ``query`` by GET, by POST ``application/x-www-form-urlencoded`` or as the body of a POST
  ``application/sparql-query``; ``default-graph-uri`` and ``named-graph-uri`` set the dataset
  (the query string for a direct POST, the form otherwise), replacing the query's FROM clauses.
* Answers in the best format for the ``Accept`` header (:mod:`graph.server.negotiation`); 406
  when none fits.
* Refused with 403: SPARQL Update (``update=``, ``application/sparql-update``, or update text in
  ``query``; LOAD included), SERVICE, and every write of the Graph Store Protocol.
* Errors are a status and one line of text: 400 syntax or evaluation error, 403 refused, 406 no
  acceptable format, 415 unknown request body, 422 result over the size cap, 503 past the time
  limit (the query is stopped).
* ``GET /sparql`` with no query: the service description (Turtle, or another RDF format).
"""

from __future__ import annotations

from starlette.datastructures import ImmutableMultiDict
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from ..errors import EndpointError, EntityNotFound, GraphError, InputError, QuerySyntaxError, QueryTimeout
from ..library import ID_PREFIXES
from ..namespaces import PREFIXES
from .guard import QueryRefused, check_no_service, is_update
from .negotiation import GRAPH_FORMATS, choose, negotiate
from .workers import Job

__all__ = ["sparql_endpoint", "graph_store", "run_query", "error_response", "status_of", "STATUS",
           "service_description", "UnsupportedRequest"]


class UnsupportedRequest(InputError):
    """A POST body of a type the protocol does not define."""

#: HTTP status of each error class (the first that matches).
STATUS: tuple[tuple[type[GraphError], int], ...] = (
    (QueryRefused, 403), (QuerySyntaxError, 400), (QueryTimeout, 503), (EntityNotFound, 404),
    (UnsupportedRequest, 415), (EndpointError, 500), (GraphError, 400),
)
#: Prefixes a query may use without declaring them (as ``tkg query`` allows).
DEFAULT_PREFIXES = {**ID_PREFIXES, **PREFIXES}
_HEADERS = {"Vary": "Accept", "Access-Control-Allow-Origin": "*"}
_READ_ONLY = "this endpoint is read-only: SPARQL Update (and LOAD) is refused"


def error_response(status: int, message: str) -> PlainTextResponse:
    """One line of plain text with the status."""
    line = " ".join(message.split())[:500]
    return PlainTextResponse(line + "\n", status_code=status, headers=dict(_HEADERS))


def status_of(exc: GraphError) -> int:
    """The HTTP status of an error (:data:`STATUS`)."""
    return next(code for cls, code in STATUS if isinstance(exc, cls))


async def _request_params(request: Request) -> tuple[str | None, ImmutableMultiDict]:
    """The query text and the dataset parameters of a protocol request."""
    if request.method in ("GET", "HEAD"):
        params = request.query_params
        if "update" in params:
            raise QueryRefused(_READ_ONLY)
        return params.get("query"), params
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "application/x-www-form-urlencoded":
        form = await request.form()
        if "update" in form:
            raise QueryRefused(_READ_ONLY)
        merged = ImmutableMultiDict([*request.query_params.multi_items(), *form.multi_items()])
        return merged.get("query"), merged
    if ctype == "application/sparql-query":
        body = await request.body()
        try:
            return body.decode("utf-8"), request.query_params
        except UnicodeDecodeError:
            raise QuerySyntaxError("the query is not UTF-8", path=None, line=None, column=None) from None
    if ctype == "application/sparql-update":
        raise QueryRefused(_READ_ONLY)
    raise UnsupportedRequest(f"unsupported request type {ctype or '(none)'}; POST application/sparql-query "
                             "or a form (application/x-www-form-urlencoded) with query=…")


async def run_query(request: Request, query: str, *, accept: str | None, default_graphs: tuple[str, ...] = (),
                    named_graphs: tuple[str, ...] = ()) -> Response:
    """Check and run one query in a worker; the answer or an error response."""
    state = request.app.state
    choice = negotiate(accept)
    if choice.results is None and choice.graph is None:
        return error_response(406, f"none of the accepted media types ({accept}) is offered; see GET /sparql")
    job = Job(query=query, results_mime=choice.results.mime if choice.results else None,
              graph_mime=choice.graph.mime if choice.graph else None, default_graphs=default_graphs,
              named_graphs=named_graphs, max_bytes=state.serve.max_bytes, prefixes=DEFAULT_PREFIXES)
    try:
        check_no_service(query)
        limit = state.serve.timeout if state.serve.timeout_given else state.site.query_limit(query, state.serve.timeout)
        reply = await state.pool.run(job, timeout=limit)
    except GraphError as exc:
        return error_response(status_of(exc), str(exc))
    if reply.status == 400 and reply.kind == "syntax" and is_update(query):
        return error_response(403, _READ_ONLY)
    if reply.status != 200:
        return error_response(reply.status, reply.body.decode("utf-8", "replace"))
    fmt = choice.graph if reply.kind == "graph" else choice.results
    return Response(reply.body, media_type=fmt.content_type, headers=dict(_HEADERS))  # type: ignore[union-attr]


async def sparql_endpoint(request: Request) -> Response:
    """``/sparql``: a query, or the service description."""
    if request.method not in ("GET", "HEAD", "POST"):
        return error_response(403, "this endpoint is read-only: graph writes are refused")
    try:
        query, params = await _request_params(request)
    except GraphError as exc:
        return error_response(status_of(exc), str(exc))
    if query is None:
        if request.method in ("GET", "HEAD") and not params:
            return service_description(request)
        return error_response(400, "no query: give query=… (SPARQL 1.1 Protocol)")
    return await run_query(request, query, accept=request.headers.get("accept"),
                           default_graphs=tuple(params.getlist("default-graph-uri")),
                           named_graphs=tuple(params.getlist("named-graph-uri")))


async def graph_store(request: Request) -> Response:
    """``/store``: the Graph Store Protocol, reading only (``?default`` or ``?graph=IRI``)."""
    if request.method not in ("GET", "HEAD"):
        return error_response(403, "this endpoint is read-only: Graph Store Protocol writes are refused")
    params = request.query_params
    graph = params.get("graph")
    if graph is None and "default" not in params:
        return error_response(400, "give ?default or ?graph=IRI")
    if graph is not None and any(c in graph for c in '<>"{}|^`\\ \n'):
        return error_response(400, "not a valid IRI")
    where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph is not None else "?s ?p ?o"
    return await run_query(request, f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {where} }}",
                           accept=request.headers.get("accept"))


def service_description(request: Request) -> Response:
    """The SPARQL 1.1 Service Description of this endpoint, in the negotiated RDF format."""
    import pyoxigraph as ox

    fmt = choose(request.headers.get("accept"), GRAPH_FORMATS)
    if fmt is None:
        return error_response(406, "the service description is offered as Turtle, N-Triples, JSON-LD or RDF/XML")
    from .negotiation import RESULT_FORMATS

    endpoint = str(request.url_for("sparql"))
    formats = sorted({f.iri for f in (*RESULT_FORMATS, *GRAPH_FORMATS)})
    ttl = f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
<{endpoint}> a sd:Service ;
  sd:endpoint <{endpoint}> ;
  sd:supportedLanguage sd:SPARQL11Query ;
  sd:resultFormat {", ".join(f"<{f}>" for f in formats)} ;
  sd:feature sd:UnionDefaultGraph ;
  dcterms:description "Read-only SPARQL endpoint of the Turkic-world institutions knowledge graph. The default graph is the union of the named graphs (each triple once). Updates and SERVICE are refused; each query has a time limit of {request.app.state.serve.timeout:g} s." ;
  sd:defaultDataset [ a sd:Dataset ; sd:defaultGraph [ a sd:Graph ] ] .
"""
    if fmt.format == ox.RdfFormat.TURTLE:
        body = ttl.encode("utf-8")
    else:
        body = ox.serialize(ox.parse(ttl, format=ox.RdfFormat.TURTLE), format=fmt.format)
    return Response(body, media_type=fmt.content_type, headers=dict(_HEADERS))
