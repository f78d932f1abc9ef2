"""``pzgraph serve``: a read-only SPARQL 1.1 Protocol endpoint and a small HTML page.

Standard library only (``http.server``). Queries never run in the HTTP process: a small pool of
worker processes ("spawn") each loads the knowledge base once (``kb_maker()``) and answers from a
pipe. rdflib has no query timeout, so a query that outlives ``tijdslimiet`` is stopped by
killing its worker (terminate, then kill); a fresh worker replaces it and the client gets 503.

Routes: ``/sparql`` (GET ``?query=``, POST form or ``application/sparql-query``), ``/``
(catalogue page, ``?taal=en``), ``/query/<id>[.csv]`` (a named query as an HTML table or CSV),
``/vraag[.csv]?query=`` (a free query as a table or CSV), ``/gezondheid`` (``ok``).

Safety: binds 127.0.0.1 by default; a ``Host`` other than ``127.0.0.1:<port>``, ``localhost:<port>``
or ``[::1]:<port>`` gets 403 (DNS rebinding); no CORS headers; updates get 403 and are never
parsed for execution; SERVICE, FROM, LOAD and the dataset parameters get 400; bodies over 1 MB
get 413; the log holds method, path (no query string), status and duration only.

Row limit: SELECT results keep ``rijlimiet`` rows; CONSTRUCT/DESCRIBE keep ``rijlimiet`` triples
built from at most ``rijlimiet + 1`` solutions. A cut result carries ``X-Pzgraph-Afgekapt: true``.
"""

from __future__ import annotations

import logging
import queue
import signal
import socket
import sys
import threading
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import islice
from typing import Any
from urllib.parse import parse_qs

from .errors import InvoerFout, QueryFout, Tekst

LOG = logging.getLogger("pzgraph.serve")
MAX_BODY = 1024 * 1024

#: media type -> serialisation, in the server's order of preference (the first is the default)
TABEL_VORMEN = {"application/sparql-results+json": "json", "application/sparql-results+xml": "xml",
                "text/csv": "csv", "application/json": "json", "application/xml": "xml", "text/xml": "xml"}
GRAAF_VORMEN = {"text/turtle": "turtle", "application/n-triples": "nt", "application/rdf+xml": "xml",
                "application/x-turtle": "turtle"}


class Weigering(Exception):
    """A refused request: HTTP status and a message in Dutch and English."""

    def __init__(self, status: int, nl: str, en: str, suggesties: tuple[str, ...] = ()) -> None:
        super().__init__(en)
        self.status, self.tekst, self.suggesties = status, Tekst(nl, en), suggesties


ALLEEN_LEZEN = ("Deze server is alleen-lezen: updates worden geweigerd; de gegevens veranderen nooit.",
                "This server is read-only: updates are refused; the data never changes.")


# -- the query guard (runs in the workers) ------------------------------------------------------
from .sparql_streng import _knopen  # noqa: E402


def controleer(tekst: str):
    """Parse and check a query for the endpoint with :func:`pzgraph.sparql.bereid`.
    Returns the prepared query; raises :class:`Weigering`: 403 for an update, 400 for a LOAD or
    anything else refused."""
    from rdflib.plugins.sparql.parser import parseUpdate

    from .sparql import bereid

    try:
        return bereid(tekst)
    except QueryFout as fout:
        try:
            update = parseUpdate(tekst)  # only to tell an update from a typo; it is never run
        except Exception:  # noqa: BLE001 - not an update either: the query's own error stands
            raise Weigering(400, fout.regel("nl"), fout.regel("en")) from None
    if any(k.name == "Load" for k in _knopen(update)):
        raise Weigering(400, "LOAD wordt geweigerd: pzgraph maakt geen verbindingen en leest geen bestanden",
                        "LOAD is refused: pzgraph makes no connections and reads no files")
    raise Weigering(403, *ALLEEN_LEZEN)


# -- content negotiation ------------------------------------------------------------------------
def kies_vorm(accept: str, aanbod: dict[str, str]) -> str:
    """The media type of ``aanbod`` the Accept header prefers (q-value, then specificity, then the
    server's order); the first of ``aanbod`` when nothing matches (lenient rather than 406)."""
    bereiken = []
    for deel in (accept or "").split(","):
        stukken = [s.strip() for s in deel.split(";")]
        q = next((s[2:] for s in stukken[1:] if s.lower().startswith("q=")), "1")
        try:
            bereiken.append((stukken[0].lower(), float(q)))
        except ValueError:
            pass
    beste, sleutel_beste = next(iter(aanbod)), None
    for volgorde, kandidaat in enumerate(aanbod):
        treffers = [(2 if b == kandidaat else 1 if b != "*/*" else 0, q) for b, q in bereiken
                    if b in (kandidaat, "*/*") or (b.endswith("/*") and kandidaat.startswith(b[:-1]))]
        if treffers and max(treffers)[1] > 0:
            sleutel = (max(treffers)[1], max(treffers)[0], -volgorde)
            if sleutel_beste is None or sleutel > sleutel_beste:
                beste, sleutel_beste = kandidaat, sleutel
    return beste


# -- the worker processes -----------------------------------------------------------------------
def _grens_eval(ctx: Any, deel: Any):
    """rdflib custom evaluation of our ``PzgGrens`` node: at most ``grens`` solutions, counted.
    It also refuses SERVICE at evaluation time, behind the check in ``bereid``."""
    if getattr(deel, "name", None) == "ServiceGraphPattern":
        raise Weigering(400, "SERVICE wordt geweigerd", "SERVICE is refused")
    if getattr(deel, "name", None) != "PzgGrens":
        raise NotImplementedError
    from rdflib.plugins.sparql.evaluate import evalPart

    def stroom():
        for oplossing in islice(evalPart(ctx, deel.p), deel.grens):
            deel.teller[0] += 1
            yield oplossing
    return stroom()


def voer_uit_begrensd(kb: Any, voorbereid: Any, rijlimiet: int):
    """Run a prepared query with the row limit; returns (Resultaat, afgekapt)."""
    from rdflib import Graph
    from rdflib.plugins.sparql.parserutils import CompValue

    from .sparql import voer_uit

    alg, teller = voorbereid.algebra, [0]
    if alg.name in ("SelectQuery", "ConstructQuery", "DescribeQuery") and alg.p is not None:
        if alg.name == "ConstructQuery" and not alg.template:
            alg["template"] = alg.p.p.triples  # CONSTRUCT WHERE: rdflib reads the template from p
        alg["p"] = CompValue("PzgGrens", p=alg.p, grens=rijlimiet + 1, teller=teller)
    res = voer_uit(kb.dataset, voorbereid)
    afgekapt = len(res) > rijlimiet or teller[0] > rijlimiet if res.soort != "ask" else False
    if res.soort == "select":
        res.rijen = res.rijen[:rijlimiet]
    elif res.soort == "graph" and len(res.graaf) > rijlimiet:
        kort_ = Graph()
        for t in islice(res.graaf, rijlimiet):
            kort_.add(t)
        res.graaf = kort_
    return res, afgekapt


def serialiseer(res: Any, accept: str) -> tuple[str, bytes]:
    """(media type, body) of a Resultaat for an Accept header."""
    if res.soort == "graph":
        mt = kies_vorm(accept, GRAAF_VORMEN)
        tekst = res.als_turtle() if GRAAF_VORMEN[mt] == "turtle" else res.graaf.serialize(format=GRAAF_VORMEN[mt])
        return mt + ("; charset=utf-8" if mt.startswith("text/") else ""), tekst.encode("utf-8")
    aanbod = {k: v for k, v in TABEL_VORMEN.items() if res.soort == "select" or v != "csv"}
    mt = kies_vorm(accept, aanbod)
    if aanbod[mt] == "json":
        return mt, res.als_json().encode("utf-8")
    if aanbod[mt] == "csv":
        return "text/csv; charset=utf-8", res.als_csv().encode("utf-8")
    from rdflib.query import Result
    from rdflib.term import Variable

    uit = Result(res.soort.upper())
    if res.soort == "ask":
        uit.askAnswer = bool(res.waar)
    else:
        uit.vars = [Variable(k) for k in res.kolommen]
        uit.bindings = [{Variable(k): t for k, t in zip(res.kolommen, rij) if t is not None} for rij in res.rijen]
    return mt, uit.serialize(format="xml")


def _beantwoord(kb: Any, verzoek: tuple) -> tuple:
    if verzoek[0] == "sparql":
        _, tekst, accept, rijlimiet = verzoek
        res, afgekapt = voer_uit_begrensd(kb, controleer(tekst), rijlimiet)
        return ("ok", *serialiseer(res, accept), afgekapt)
    if verzoek[0] == "tabel":  # for the HTML pages: a free query or a named one
        from .serve_html import tabel

        _, bron, waarde, parameters, rijlimiet, met_csv = verzoek
        if bron == "vrij":
            res, afgekapt = voer_uit_begrensd(kb, controleer(waarde), rijlimiet)
        else:
            res = kb.named(waarde, **parameters)
            afgekapt, res.rijen = len(res.rijen) > rijlimiet, res.rijen[:rijlimiet]
        return ("ok", tabel(res, afgekapt, met_csv))
    raise ValueError(f"unknown request {verzoek[0]!r}")


def _geen_netwerk(gebeurtenis: str, args: tuple) -> None:
    """Audit hook of a worker: no outbound connection, whatever a query tries."""
    if gebeurtenis in ("socket.connect", "socket.getaddrinfo", "urllib.Request"):
        raise PermissionError("pzgraph serve: a worker makes no network connections")


def _werker_hoofd(kb_maker: Callable[[], Any], conn: Any) -> None:
    """Main of a worker process: load once, then answer requests until None or EOF."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the server, which stops us
    try:
        import rdflib.plugins.sparql as rdflib_sparql

        rdflib_sparql.SPARQL_LOAD_GRAPHS = False  # FROM never reads anything, behind the check in bereid
        rdflib_sparql.CUSTOM_EVALS["pzgraph-grens"] = _grens_eval
        kb = kb_maker()
        kb.vind("")  # warm up: the look-up index, the query and update grammars
        for tekst in ("ASK {}", "CLEAR DEFAULT"):
            try:
                controleer(tekst)
            except Weigering:
                pass
        logging.disable(logging.CRITICAL)  # rdflib warnings may quote a query: log nothing from here on
        warnings.simplefilter("ignore")
        sys.addaudithook(_geen_netwerk)
        conn.send(("klaar", len(kb)))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which raises
        conn.send(("mislukt", f"{type(exc).__name__}: {exc}"))
        return
    while True:
        try:
            verzoek = conn.recv()
        except (EOFError, OSError):
            return
        if verzoek is None:
            return
        try:
            antwoord = _beantwoord(kb, verzoek)
        except Weigering as w:
            antwoord = ("fout", w.status, w.tekst.nl, w.tekst.en, w.suggesties)
        except InvoerFout as f:
            antwoord = ("fout", 400, f.regel("nl"), f.regel("en"), ())
        except Exception as exc:  # noqa: BLE001 - an rdflib failure is this query's answer, not a crash
            antwoord = ("fout", 500, f"interne fout: {type(exc).__name__}: {exc}", f"internal error: {type(exc).__name__}: {exc}", ())
        conn.send(antwoord)


@dataclass
class _Werker:
    proces: Any
    conn: Any


BEZET = (503, "Server bezet; probeer het later opnieuw.", "Server busy; try again later.")


class _Pool:
    """Worker processes; at most ``aantal`` queries run at once, others wait up to ``wachttijd``."""

    def __init__(self, kb_maker, aantal: int, tijdslimiet: float, wachttijd: float, wachtrij: int) -> None:
        import multiprocessing

        self._ctx = multiprocessing.get_context("spawn")
        self.kb_maker, self.aantal, self.tijdslimiet, self.wachttijd, self.wachtrij = kb_maker, aantal, tijdslimiet, wachttijd, wachtrij
        self._vrij: queue.Queue[_Werker] = queue.Queue()
        self._alle: dict[int, _Werker] = {}
        self._slot = threading.Lock()
        self._wachtend = 0
        self._gestopt = threading.Event()

    def _nieuw(self) -> _Werker:
        ouder, kind = self._ctx.Pipe()
        proces = self._ctx.Process(target=_werker_hoofd, args=(self.kb_maker, kind), daemon=True, name="pzgraph-werker")
        proces.start()
        kind.close()
        w = _Werker(proces, ouder)
        with self._slot:
            self._alle[id(w)] = w
        return w

    def _wacht_klaar(self, w: _Werker, seconden: float) -> None:
        try:
            bericht = w.conn.recv() if w.conn.poll(seconden) else ("mislukt", f"niet klaar na {seconden:.0f} s")
        except (EOFError, OSError):
            w.proces.join(1.0)
            bericht = ("mislukt", f"proces stopte (exit code {w.proces.exitcode})")
        if bericht[0] != "klaar":
            self._beeindig(w)
            raise RuntimeError(f"pzgraph serve: een werkproces kon de kennisbank niet laden: {bericht[1]}")

    def start(self, opstarttijd: float = 300.0) -> None:
        nieuw = [self._nieuw() for _ in range(self.aantal)]
        try:
            for w in nieuw:
                self._wacht_klaar(w, opstarttijd)
        except RuntimeError:
            self.stop()
            raise
        for w in nieuw:
            self._vrij.put(w)

    def _beeindig(self, w: _Werker) -> None:
        with self._slot:
            self._alle.pop(id(w), None)
        if w.proces.is_alive():
            w.proces.terminate()
            w.proces.join(1.0)
            if w.proces.is_alive():
                w.proces.kill()
        w.proces.join(1.0)
        w.conn.close()

    def _vervang(self, oud: _Werker) -> None:
        """Kill ``oud`` and start a replacement in the background (it joins the idle queue when loaded)."""
        self._beeindig(oud)

        def vervang() -> None:
            try:
                w = self._nieuw()
                self._wacht_klaar(w, 300.0)
            except (RuntimeError, OSError) as exc:
                LOG.error("vervangend werkproces start niet: %s", exc)
                return
            (self._beeindig if self._gestopt.is_set() else self._vrij.put)(w)
        if not self._gestopt.is_set():
            threading.Thread(target=vervang, daemon=True, name="pzgraph-vervang").start()

    def vraag(self, verzoek: tuple) -> tuple:
        """Send a request to an idle worker; raises :class:`Weigering` 503 when busy or too slow."""
        with self._slot:
            if self._wachtend >= self.wachtrij:
                raise Weigering(*BEZET)
            self._wachtend += 1
        try:
            w = self._vrij.get(timeout=self.wachttijd)
        except queue.Empty:
            raise Weigering(*BEZET) from None
        finally:
            with self._slot:
                self._wachtend -= 1
        try:
            w.conn.send(verzoek)
            antwoord = w.conn.recv() if w.conn.poll(self.tijdslimiet) else None
        except (EOFError, OSError):
            self._vervang(w)
            raise Weigering(500, "Het werkproces stopte onverwacht.", "The worker process stopped unexpectedly.") from None
        if antwoord is None:
            self._vervang(w)
            s = f"{self.tijdslimiet:g}"
            raise Weigering(503, f"Tijdslimiet van {s} s overschreden: de query is afgebroken.",
                            f"Time limit of {s} s exceeded: the query was stopped.")
        self._vrij.put(w)
        return antwoord

    def stop(self) -> None:
        self._gestopt.set()
        while True:
            try:
                w = self._vrij.get_nowait()
            except queue.Empty:
                break
            try:
                w.conn.send(None)
                w.proces.join(2.0)
            except OSError:
                pass
        with self._slot:
            rest = list(self._alle.values())
        for w in rest:
            self._beeindig(w)


# -- HTTP -------------------------------------------------------------------------------------
def parse_params(tekst: str) -> dict[str, list[str]]:
    try:
        return parse_qs(tekst, keep_blank_values=True, encoding="utf-8", errors="strict", max_num_fields=200)
    except (UnicodeDecodeError, ValueError):
        raise Weigering(400, "De parameters zijn geen geldige UTF-8-formuliercodering.",
                        "The parameters are not valid UTF-8 form encoding.") from None


def _mediatype(waarde: str | None) -> tuple[str, str]:
    """(media type, charset) of a Content-Type header, lower case; charset defaults to utf-8."""
    delen = [d.strip() for d in (waarde or "").split(";")]
    charset = next((d.split("=", 1)[1].strip().strip('"') for d in delen[1:] if d.lower().startswith("charset=")), "utf-8")
    return delen[0].lower(), charset.lower()


class _Handler(BaseHTTPRequestHandler):
    server_version = "pzgraph"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    timeout = 60  # seconds a client may take to send its request
    server: _HTTPServer

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - never log request lines
        pass

    def _log(self, status: int) -> None:
        """Method, path without query string, status and duration -- never a query or a result."""
        pad = (self.path or "").split("?", 1)[0][:200] if isinstance(getattr(self, "path", None), str) else ""
        pad = "".join(c if c.isprintable() and c != " " else "?" for c in pad) or "-"
        duur = (time.monotonic() - self._begin) * 1000
        LOG.info("%s %s %d %.0f ms", getattr(self, "command", None) or "-", pad, status, duur)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        self.close_connection = True
        super().send_error(code, message, explain)
        self._log(code)

    def stuur(self, status: int, ctype: str, body: bytes, kop: dict[str, str] | None = None) -> None:
        self.send_response(status)
        kop = {"Content-Type": ctype, "Content-Length": str(len(body)), "X-Content-Type-Options": "nosniff",
               "Cache-Control": "no-store", **(kop or {})}
        if ctype.startswith("text/html"):
            kop["Content-Security-Policy"] = ("default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                                              "base-uri 'none'; frame-ancestors 'none'")
            kop["Referrer-Policy"] = "no-referrer"
        if self.close_connection:
            kop["Connection"] = "close"
        for k, v in kop.items():
            self.send_header(k, v)
        self.end_headers()
        try:
            if self.command != "HEAD":
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        self._log(status)

    def _weiger(self, w: Weigering, html: bool, taal: str) -> None:
        self.close_connection = True  # a request body may be left unread
        kop = {"Retry-After": "5"} if w.status == 503 else {"Allow": "GET, POST"} if w.status == 405 else {}
        if html:
            from .serve_html import foutpagina

            return self.stuur(w.status, "text/html; charset=utf-8", foutpagina(w.status, w.tekst.in_taal(taal), w.suggesties, taal), kop)
        self.stuur(w.status, "text/plain; charset=utf-8", f"{w.tekst.nl}\n{w.tekst.en}\n".encode(), kop)

    def do_GET(self) -> None:  # noqa: N802
        self._behandel()

    do_POST = do_GET  # noqa: N815

    def __getattr__(self, naam: str) -> Any:
        """Every method other than GET and POST (PUT, HEAD, OPTIONS, anything) gets 405."""
        if naam.startswith("do_"):
            return lambda: self._weiger(Weigering(405, "Alleen GET en POST zijn toegestaan.", "Only GET and POST are allowed."), False, "nl")
        raise AttributeError(naam)

    def handle_one_request(self) -> None:
        self._begin = time.monotonic()
        super().handle_one_request()

    def _behandel(self) -> None:
        pad, _, qs = self.path.partition("?")
        try:
            hosts = self.headers.get_all("Host") or []
            if len(hosts) != 1 or hosts[0].strip().lower() not in self.server.pzg_hosts:
                raise Weigering(403, "Onbekende Host-header: geweigerd (bescherming tegen DNS-rebinding).",
                                "Unknown Host header: refused (DNS rebinding protection).")
            herkomst = [o.strip().lower() for o in self.headers.get_all("Origin") or []]
            if len(herkomst) > 1 or any(o.removeprefix("http://") not in self.server.pzg_hosts for o in herkomst):
                raise Weigering(403, "Verzoeken van andere websites worden geweigerd (Origin).",
                                "Requests from other web sites are refused (Origin).")
            if pad in ("/sparql", "/sparql/"):
                return self._sparql(qs)
            if self.command != "GET":
                raise Weigering(405, "Alleen GET is toegestaan op deze pagina.", "Only GET is allowed on this page.")
            if pad == "/gezondheid":
                return self.stuur(200, "text/plain; charset=utf-8", b"ok\n")
            from . import serve_html

            if pad == "/":
                p = parse_params(qs)
                taal = "en" if (p.get("taal") or p.get("_taal") or ["nl"])[-1] == "en" else "nl"
                return self.stuur(200, "text/html; charset=utf-8", serve_html.startpagina(taal))
            if pad in ("/vraag", "/vraag.csv") or pad.startswith("/query/"):
                return self.stuur(*serve_html.tabelpagina(self.server.pzg_pool, self.server.pzg_rijlimiet, pad, qs))
            raise Weigering(404, "Deze pagina bestaat niet.", "This page does not exist.")
        except Weigering as w:
            self._weiger(w, not pad.startswith("/sparql"), "en" if "taal=en" in qs else "nl")

    def _lees_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding"):
            raise Weigering(411, "Stuur een Content-Length (geen chunked encoding).", "Send a Content-Length (no chunked encoding).")
        lengte = self.headers.get("Content-Length", "0").strip()
        if not lengte.isdigit():
            raise Weigering(400, "Ongeldige Content-Length.", "Invalid Content-Length.")
        if int(lengte) > MAX_BODY:
            raise Weigering(413, "Het verzoek is groter dan 1 MB.", "The request is larger than 1 MB.")
        return self.rfile.read(int(lengte))

    def _sparql(self, qs: str) -> None:
        params, direct = parse_params(qs), None
        if self.command == "POST":
            body = self._lees_body()
            mt, charset = _mediatype(self.headers.get("Content-Type"))
            if mt == "application/sparql-update":
                raise Weigering(403, *ALLEEN_LEZEN)
            if charset not in ("utf-8", "utf8"):
                raise Weigering(400, f"Tekenset {charset} wordt niet ondersteund; gebruik UTF-8.", f"Charset {charset} is not supported; use UTF-8.")
            try:
                if mt == "application/x-www-form-urlencoded":
                    for k, v in parse_params(body.decode("ascii")).items():
                        params.setdefault(k, []).extend(v)
                elif mt == "application/sparql-query":
                    direct = body.decode("utf-8")
                else:
                    raise Weigering(400, "Content-Type moet application/x-www-form-urlencoded of application/sparql-query zijn.",
                                    "Content-Type must be application/x-www-form-urlencoded or application/sparql-query.")
            except UnicodeDecodeError:
                raise Weigering(400, "De query is niet correct (UTF-8) gecodeerd.", "The query is not correctly (UTF-8) encoded.") from None
        if {"update", "using-graph-uri", "using-named-graph-uri"} & params.keys():
            raise Weigering(403, *ALLEEN_LEZEN)
        if {"default-graph-uri", "named-graph-uri"} & params.keys():
            raise Weigering(400, "default-graph-uri en named-graph-uri worden geweigerd: er is één vaste dataset.",
                            "default-graph-uri and named-graph-uri are refused: there is one fixed dataset.")
        queries = params.get("query", []) + ([direct] if direct is not None else [])
        if len(queries) != 1:
            raise Weigering(400, f"Verwacht precies één query, kreeg er {len(queries)} (zie / voor de pagina).",
                            f"Expected exactly one query, got {len(queries)} (see / for the page).")
        antwoord = self.server.pzg_pool.vraag(("sparql", queries[0], self.headers.get("Accept", ""), self.server.pzg_rijlimiet))
        if antwoord[0] == "fout":
            raise Weigering(*antwoord[1:])
        _, mt, body, afgekapt = antwoord
        self.stuur(200, mt, body, {"Vary": "Accept", **({"X-Pzgraph-Afgekapt": "true"} if afgekapt else {})})


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64
    pzg_pool: _Pool
    pzg_rijlimiet: int
    pzg_hosts: set[str]


class _HTTPServer6(_HTTPServer):
    address_family = socket.AF_INET6


class Server:
    """A bound endpoint; :meth:`start` serves in a background thread, :meth:`serveer` in this one."""

    def __init__(self, httpd: _HTTPServer) -> None:
        self._httpd, self._draad = httpd, None
        self.host, self.port = httpd.server_address[:2]

    @property
    def url(self) -> str:
        """The base URL, e.g. ``http://127.0.0.1:7878``; the endpoint is ``url + '/sparql'``."""
        return f"http://[{self.host}]:{self.port}" if ":" in self.host else f"http://{self.host}:{self.port}"

    def start(self) -> Server:
        """Start the workers (returns when each has loaded) and serve in a background thread."""
        self._httpd.pzg_pool.start()
        self._draad = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.2},
                                       daemon=True, name="pzgraph-serve")
        self._draad.start()
        return self

    def serveer(self) -> None:
        """Start the workers and serve in this thread until Ctrl-C."""
        self._httpd.pzg_pool.start()
        try:
            self._httpd.serve_forever(poll_interval=0.5)
        except KeyboardInterrupt:
            pass
        finally:
            self.stop()

    def stop(self) -> None:
        if self._draad is not None:
            self._httpd.shutdown()
            self._draad.join(5.0)
            self._draad = None
        self._httpd.server_close()
        self._httpd.pzg_pool.stop()

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()


def maak_server(kb_maker: Callable[[], Any], *, host: str = "127.0.0.1", port: int = 0, tijdslimiet: float = 10.0,
                rijlimiet: int = 10000, werkers: int = 2, wachttijd: float | None = None, wachtrij: int = 64) -> Server:
    """Bind ``host:port`` (0 = a free port) and prepare ``werkers`` worker processes (started by
    :meth:`Server.start`). ``kb_maker`` is a picklable zero-argument callable returning a
    KnowledgeBase, e.g. ``functools.partial(pzgraph.load, landschap=[...])``. A query may run
    ``tijdslimiet`` seconds; a request waits at most ``wachttijd`` seconds (default
    ``2 * tijdslimiet + 5``) for a free worker and at most ``wachtrij`` wait at once, else 503.
    """
    if werkers < 1 or rijlimiet < 1 or tijdslimiet <= 0:
        raise ValueError("werkers and rijlimiet must be >= 1 and tijdslimiet > 0")
    httpd = (_HTTPServer6 if ":" in host else _HTTPServer)((host, port), _Handler)
    poort = httpd.server_address[1]
    httpd.pzg_hosts = {f"127.0.0.1:{poort}", f"localhost:{poort}", f"[::1]:{poort}"}
    if host not in ("", "0.0.0.0", "::"):
        httpd.pzg_hosts.add((f"[{host}]" if ":" in host else host).lower() + f":{poort}")
    httpd.pzg_rijlimiet = rijlimiet
    httpd.pzg_pool = _Pool(kb_maker, werkers, tijdslimiet, 2 * tijdslimiet + 5 if wachttijd is None else wachttijd, wachtrij)
    return Server(httpd)


def serveer(kb_maker: Callable[[], Any], **opties: Any) -> None:
    """Build a server with :func:`maak_server` options and serve until Ctrl-C."""
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    server = maak_server(kb_maker, **opties)
    print(f"pzgraph serve: {server.url}/ (SPARQL: {server.url}/sparql) — Ctrl-C stopt", file=sys.stderr)
    server.serveer()
