"""The HTML pages of ``pzgraph serve``: Dutch (English with ``taal=en``), self-contained (inline
CSS; no scripts, fonts or external links). Every value from data or request is escaped."""

from __future__ import annotations

from html import escape
from urllib.parse import quote, urlencode

from .errors import Tekst

CSS = """
body{font-family:system-ui,sans-serif;max-width:72rem;margin:1.5rem auto;padding:0 1rem;color:#1c1c1c;line-height:1.45}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}h3{font-size:1.05rem;margin-bottom:.2rem}
.query{border:1px solid #ddd;border-radius:.4rem;padding:.6rem 1rem;margin:.8rem 0;background:#fafafa}
label{display:block;margin:.3rem 0}input[type=text],input[type=number]{padding:.2rem;min-width:16rem}
textarea{width:100%;font-family:monospace;font-size:.9rem}button{margin-top:.4rem;padding:.3rem .9rem}
table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#eee}pre{background:#f4f4f4;padding:.8rem;overflow:auto}.fout{color:#8b0000}.let{color:#555;font-size:.9rem}
code{background:#f0f0f0;padding:0 .2rem}nav a{margin-right:1rem}
"""

T = {
    "titel": Tekst("pzgraph — het landschap van de palliatieve zorg", "pzgraph — the Dutch palliative-care landscape"),
    "intro": Tekst("Vaste vragen over de kennisgraaf, een eigen SPARQL-vraag, en een SPARQL-eindpunt voor programma's:",
                   "Named questions about the knowledge graph, your own SPARQL query, and a SPARQL endpoint for programs:"),
    "alleenlezen": Tekst("alleen lezen; updates, SERVICE, FROM en LOAD worden geweigerd.",
                         "read-only; updates, SERVICE, FROM and LOAD are refused."),
    "vast": Tekst("Vaste vragen", "Named queries"),
    "eigen": Tekst("Eigen SPARQL-vraag", "Your own SPARQL query"),
    "eigen_uitleg": Tekst("Voorvoegsels pz:, pzid:, org:, skos:, dct:, rdfs:, … zijn al gedeclareerd.",
                          "Prefixes pz:, pzid:, org:, skos:, dct:, rdfs:, … are predeclared."),
    "voer_uit": Tekst("Uitvoeren", "Run"),
    "verplicht": Tekst("verplicht", "required"),
    "optioneel": Tekst("optioneel", "optional"),
    "csv": Tekst("Download als CSV", "Download as CSV"),
    "terug": Tekst("Terug naar het overzicht", "Back to the overview"),
    "rijen": Tekst("{n} rijen", "{n} rows"),
    "afgekapt": Tekst("Het resultaat is afgekapt: er waren meer rijen dan de rijlimiet.",
                      "The result was truncated: there were more rows than the row limit."),
    "ja": Tekst("ja", "yes"), "nee": Tekst("nee", "no"),
    "bedoelde": Tekst("Bedoelde u", "Did you mean"),
    "fout": Tekst("Fout", "Error"),
    "parameters": Tekst("Parameters", "Parameters"),
    "taalwissel": Tekst("English", "Nederlands"),
}

VOORBEELD = "SELECT ?consortium ?naam WHERE {\n  ?consortium a pz:ConsortiumPalliatieveZorg ;\n               skos:prefLabel ?naam .\n}\nORDER BY ?naam"


def _e(tekst: object) -> str:
    return escape(str(tekst), quote=True)


def _t(sleutel: str, taal: str, **kw: object) -> str:
    return _e(T[sleutel].in_taal(taal).format(**kw))


def document(titel: str, inhoud: str, taal: str) -> bytes:
    return (f'<!DOCTYPE html>\n<html lang="{_e(taal)}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{_e(titel)}</title><style>{CSS}</style></head><body>\n{inhoud}\n</body></html>\n").encode("utf-8")


def _taalveld(taal: str) -> str:
    return '<input type="hidden" name="_taal" value="en">' if taal == "en" else ""


def _invoer(p, taal: str) -> str:
    soort = 'type="number" step="1"' if p.type == "getal" else 'type="text"'
    hint = ' placeholder="id of naam"' if p.type == "iri" and taal == "nl" else ' placeholder="id or name"' if p.type == "iri" else ""
    verplicht = " required" if p.verplicht else ""
    status = _t("verplicht" if p.verplicht else "optioneel", taal)
    return (f'<label><code>{_e(p.naam)}</code> — {_e(p.beschrijving.in_taal(taal))} ({status}, {_e(p.type)})<br>'
            f'<input {soort} name="{_e(p.naam)}"{hint}{verplicht}></label>')


def startpagina(taal: str = "nl") -> bytes:
    from .catalogue import catalogus

    andere = "nl" if taal == "en" else "en"
    delen = [f'<nav><a href="/?taal={andere}" hreflang="{andere}">{_t("taalwissel", taal)}</a></nav>',
             f"<h1>{_t('titel', taal)}</h1>",
             f"<p>{_t('intro', taal)} <code>/sparql</code> ({_t('alleenlezen', taal)})</p>",
             f"<h2>{_t('vast', taal)}</h2>"]
    for q in sorted(catalogus().values(), key=lambda q: q.id):
        velden = "".join(_invoer(p, taal) for p in q.parameters)
        delen.append(f'<section class="query" id="{_e(q.id)}"><h3>{_e(q.titel.in_taal(taal))}</h3>'
                     f'<p>{_e(q.beschrijving.in_taal(taal))}</p>'
                     f'<form method="get" action="/query/{_e(quote(q.id))}">{velden}{_taalveld(taal)}'
                     f'<button type="submit">{_t("voer_uit", taal)}</button> <span class="let"><code>{_e(q.id)}</code></span></form></section>')
    delen.append(f"<h2>{_t('eigen', taal)}</h2><p class=\"let\">{_t('eigen_uitleg', taal)}</p>"
                 f'<form method="get" action="/vraag"><textarea name="query" rows="10" cols="80">{_e(VOORBEELD)}</textarea>'
                 f'{_taalveld(taal)}<br><button type="submit">{_t("voer_uit", taal)}</button></form>')
    return document(T["titel"].in_taal(taal), "\n".join(delen), taal)


def _tabel_html(tabel: dict, taal: str) -> str:
    if tabel["soort"] == "ask":
        return f"<p><strong>{_t('ja' if tabel['waar'] else 'nee', taal)}</strong></p>"
    if tabel["soort"] == "graph":
        return f"<pre>{_e(tabel['turtle'] or '')}</pre>"
    kop = "".join(f'<th scope="col">{_e(k)}</th>' for k in tabel["kolommen"])
    rijen = []
    for rij in tabel["rijen"]:
        cellen = "".join(f'<td title="{_e(vol)}">{_e(toon)}</td>' if vol else f"<td>{_e(toon)}</td>" for toon, vol in rij)
        rijen.append(f"<tr>{cellen}</tr>")
    return f"<table><thead><tr>{kop}</tr></thead><tbody>{''.join(rijen)}</tbody></table>"


def resultaatpagina(titel: str, tabel: dict, csv_url: str, taal: str, parameters: list[tuple[str, str]]) -> bytes:
    terug = "/?taal=en" if taal == "en" else "/"
    delen = [f'<nav><a href="{_e(terug)}">{_t("terug", taal)}</a></nav>', f"<h1>{_e(titel)}</h1>"]
    if parameters:
        lijst = ", ".join(f"<code>{_e(k)}</code> = {_e(v)}" for k, v in parameters if v)
        if lijst:
            delen.append(f"<p>{_t('parameters', taal)}: {lijst}</p>")
    if tabel["soort"] == "select":
        delen.append(f'<p>{_t("rijen", taal, n=tabel["aantal"])} — <a href="{_e(csv_url)}" download>{_t("csv", taal)}</a></p>')
    if tabel["afgekapt"]:
        delen.append(f'<p class="fout">{_t("afgekapt", taal)}</p>')
    delen.append(_tabel_html(tabel, taal))
    return document(f"{titel} — pzgraph", "\n".join(delen), taal)


def foutpagina(status: int, regel: str, suggesties: tuple[str, ...], taal: str) -> bytes:
    """An error page; for 404 (an unknown named query) the suggestions link to those queries."""
    terug = "/?taal=en" if taal == "en" else "/"
    delen = [f'<nav><a href="{_e(terug)}">{_t("terug", taal)}</a></nav>',
             f"<h1>{_t('fout', taal)} {int(status)}</h1>", f'<p class="fout">{_e(regel)}</p>']
    if suggesties and status == 404:
        extra = "?" + urlencode({"_taal": "en"}) if taal == "en" else ""
        links = ", ".join(f'<a href="/query/{_e(quote(s))}{_e(extra)}">{_e(s)}</a>' for s in suggesties)
        delen.append(f"<p>{_t('bedoelde', taal)}: {links}?</p>")
    return document(f"{T['fout'].in_taal(taal)} {int(status)} — pzgraph", "\n".join(delen), taal)


# -- the table pages: /query/<id>[.csv] and /vraag[.csv] -----------------------------------------
def tabel(res, afgekapt: bool, met_csv: bool) -> dict:
    """(In a worker) a Resultaat as plain data: cells are [shown text, full IRI or None]."""
    from rdflib import BNode, URIRef

    from .vocab import kort

    def cel(t):
        if isinstance(t, URIRef):
            return [kort(t), str(t)]
        return ["" if t is None else "_:" + str(t) if isinstance(t, BNode) else str(t), None]

    return {"soort": res.soort, "kolommen": list(res.kolommen), "rijen": [[cel(t) for t in r] for r in res.rijen],
            "waar": res.waar, "turtle": res.als_turtle() if res.soort == "graph" else None,
            "csv": res.als_csv() if met_csv and res.soort == "select" else None, "afgekapt": afgekapt, "aantal": len(res)}


def tabelpagina(pool, rijlimiet: int, pad: str, qs: str) -> tuple[int, str, bytes, dict[str, str]]:
    """Run a named (``/query/<id>``) or free (``/vraag``) query in a worker; the HTML page or, for
    ``.csv``, the download. Raises :class:`pzgraph.serve.Weigering` for a refusal."""
    from urllib.parse import unquote

    from .catalogue import zoek
    from .errors import InvoerFout
    from .serve import Weigering, parse_params

    params = parse_params(qs)
    taal = "en" if params.pop("_taal", ["nl"])[-1] == "en" else "nl"
    dubbel = [k for k, v in params.items() if len(v) > 1]
    if dubbel:
        raise Weigering(400, f"Parameter {dubbel[0]!r} staat er meer dan eens.", f"Parameter {dubbel[0]!r} is given more than once.")
    met_csv = pad.endswith(".csv")
    if pad.startswith("/query/"):
        try:
            nq = zoek(unquote(pad[len("/query/"):].removesuffix(".csv")))
        except InvoerFout as f:
            raise Weigering(404, f.regel("nl"), f.regel("en"), f.problemen[0].suggesties) from None
        waarden = {k: v[0] for k, v in params.items() if v[0].strip()}
        verzoek: tuple = ("tabel", "named", nq.id, waarden, rijlimiet, met_csv)
        titel, bestand, basis = nq.titel.in_taal(taal), nq.id, "/query/" + quote(nq.id)
    else:
        if list(params) != ["query"]:
            raise Weigering(400, "Verwacht één parameter query.", "Expected one parameter query.")
        verzoek = ("tabel", "vrij", params["query"][0], {}, rijlimiet, met_csv)
        titel, bestand, basis = ("Eigen vraag" if taal == "nl" else "Own query"), "resultaat", "/vraag"
    antwoord = pool.vraag(verzoek)
    if antwoord[0] == "fout":
        raise Weigering(*antwoord[1:])
    data = antwoord[1]
    kop = {"X-Pzgraph-Afgekapt": "true"} if data["afgekapt"] else {}
    if met_csv:
        if data["csv"] is None:
            raise Weigering(400, "CSV is er alleen voor SELECT-resultaten.", "CSV is for SELECT results only.")
        kop["Content-Disposition"] = f'attachment; filename="{bestand}.csv"'
        return 200, "text/csv; charset=utf-8", data["csv"].encode("utf-8"), kop
    gebruikt = [(k, v[0]) for k, v in params.items()]
    csv_url = basis + ".csv?" + urlencode(gebruikt)
    return 200, "text/html; charset=utf-8", resultaatpagina(titel, data, csv_url, taal, gebruikt), kop
