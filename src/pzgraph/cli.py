"""The ``pzgraph`` command line: a thin layer over the library.

Exit codes: 0 fine; 1 findings (e.g. an inconsistent ontology); 2 bad input or usage;
3 a tool problem (Java missing, an internal error). Errors are one line each, never a
traceback. Heavy imports happen inside the commands, so ``pzgraph --help`` stays fast.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__

TAAL_KEUZE = click.Choice(["nl", "en"])


class _Groep(click.Group):
    """Turns pzgraph's own errors into one line per problem and the right exit code."""

    def invoke(self, ctx: click.Context):
        from .errors import InvoerFout, PzgraphError

        try:
            return super().invoke(ctx)
        except PzgraphError as fout:
            taal = (ctx.obj or {}).get("taal", "nl")
            regels = fout.regels(taal) if isinstance(fout, InvoerFout) else [fout.regel(taal)]
            for regel in regels:
                click.echo(("error: " if taal == "en" else "fout: ") + regel, err=True)
            ctx.exit(fout.exit_code)


def _taal(ctx: click.Context) -> str:
    return ctx.obj["taal"]


def _landschap_opties(f):
    f = click.option("--config", "config", type=click.Path(dir_okay=False, path_type=Path),
                     help="Configuratiebestand (TOML); standaard $PZGRAPH_CONFIG of ./pzgraph.toml.")(f)
    f = click.option("--landschap", "landschap", multiple=True, type=click.Path(path_type=Path),
                     help="Eigen landschapsbestand of -map (CSV/YAML) naast de gebundelde gegevens; herhaalbaar.")(f)
    f = click.option("--store", "store", type=click.Path(file_okay=False, path_type=Path),
                     help="Lees uit een pzgraph-opslag (pyoxigraph) die 'pzgraph load --store' maakte.")(f)
    f = click.option("--endpoint", "endpoint", metavar="URL",
                     help="Lees van een SPARQL-server (query-adres), bijv. http://127.0.0.1:7878/query.")(f)
    return f


def _laad(landschap: tuple[Path, ...], config: Path | None):
    from .config import vind
    from .kb import load

    bron = click.get_current_context().params
    if bron.get("store") is not None or bron.get("endpoint") is not None:
        return load(store=bron.get("store"), endpoint=bron.get("endpoint"))
    return load(landschap, config=vind(config))


@click.group(cls=_Groep, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="pzgraph", message="%(prog)s %(version)s")
@click.option("--taal", "-t", type=TAAL_KEUZE, default=lambda: os.environ.get("PZGRAPH_TAAL", "nl"),
              show_default="nl", help="Taal van meldingen en uitvoer (nl of en); ook via $PZGRAPH_TAAL.")
@click.pass_context
def main(ctx: click.Context, taal: str) -> None:
    """pzgraph — de kennisgraaf van de palliatieve zorg in Nederland.

    Ontologie en landschap (consortia, netwerken, ROS'en, regiotafels) als RDF;
    bevraag het met SPARQL. Zie 'pzgraph info' voor wat er geladen is.
    """
    ctx.ensure_object(dict)
    ctx.obj["taal"] = taal if taal in ("nl", "en") else "nl"


@main.command()
@_landschap_opties
@click.option("--format", "formaat", type=click.Choice(["tekst", "json"]), default="tekst", show_default=True,
              help="Uitvoer als leesbare tekst of als JSON.")
@click.pass_context
def info(ctx: click.Context, landschap, config, store, endpoint, formaat) -> None:
    """Wat er geladen is: triples, consortia met hun netwerken (leemten gemarkeerd), rollen, vormen."""
    kb = _laad(landschap, config)
    overzicht = kb.overzicht(_taal(ctx))
    if formaat == "json":
        import json

        click.echo(json.dumps(overzicht.als_dict(), ensure_ascii=False, indent=1))
    else:
        click.echo(overzicht.als_tekst(_taal(ctx)))
    for conflict in kb.conflicten:
        click.echo(("warning: " if _taal(ctx) == "en" else "let op: ") + conflict.regel(_taal(ctx)), err=True)


def _parameters(waarden: tuple[str, ...]) -> dict[str, str]:
    from .errors import InvoerFout, Locatie, Probleem, Tekst

    uit = {}
    for w in waarden:
        if "=" not in w:
            raise InvoerFout(Probleem(Locatie("--param"), Tekst(f"{w!r} heeft geen '='", f"{w!r} has no '='"),
                                      Tekst("naam=waarde", "name=value")))
        naam, waarde = w.split("=", 1)
        uit[naam.strip()] = waarde.strip()
    return uit


@main.command()
@click.argument("query", required=False)
@_landschap_opties
@click.option("--param", "-p", "params", multiple=True, metavar="NAAM=WAARDE",
              help="Parameterwaarde (wordt gebonden, nooit in de querytekst geplakt); herhaalbaar.")
@click.option("--format", "formaat", type=click.Choice(["tabel", "csv", "json", "turtle"]), default="tabel",
              show_default=True, help="tabel, csv, json (SPARQL Results JSON) of turtle (CONSTRUCT).")
@click.option("--lijst", "--list", "lijst", is_flag=True, help="Toon de querycatalogus.")
@click.option("--groepen", "groepen", multiple=True, type=click.Path(path_type=Path),
              help="Groepsbestanden of -mappen om mee te bevragen (naast het landschap); herhaalbaar.")
@click.pass_context
def query(ctx: click.Context, query, landschap, config, store, endpoint, params, formaat, lijst, groepen) -> None:
    """Voer een SPARQL-query uit: een naam uit de catalogus of een .rq-bestand.

    \b
    Voorbeelden:
      pzgraph query consortia
      pzgraph query netwerken-per-consortium -p consortium=septet
      pzgraph query mijn-vraag.rq --format csv
    """
    from .catalogue import catalogus

    taal = _taal(ctx)
    if lijst or query is None:
        for q in catalogus().values():
            params_tekst = " ".join(f"[{p.naam}]" if not p.verplicht else f"<{p.naam}>" for p in q.parameters)
            click.echo(f"{q.id} {params_tekst}".rstrip() + f"\n    {q.titel.in_taal(taal)}")
        return
    kb = _voeg_groepen_toe(_laad(landschap, config), groepen)
    parameters = _parameters(params)
    pad = Path(query)
    if query.endswith(".rq") or pad.is_file():
        from .errors import InvoerFout, Locatie, Probleem, Tekst

        try:
            tekst = pad.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InvoerFout(Probleem(Locatie(query), Tekst(f"kan de query niet lezen ({exc})", f"cannot read the query ({exc})"),
                                      Tekst("een UTF-8-tekstbestand met SPARQL", "a UTF-8 text file with SPARQL"))) from None
        resultaat = kb.query(tekst, parameters, locatie=Locatie(query, 1))
    else:
        resultaat = kb.named(query, **parameters)
    uitvoer = {"tabel": resultaat.als_tabel, "csv": resultaat.als_csv, "json": resultaat.als_json,
               "turtle": resultaat.als_turtle}[formaat]
    try:
        click.echo(uitvoer().rstrip("\n"))
    except ValueError:
        from .errors import InvoerFout, Locatie, Probleem, Tekst

        raise InvoerFout(Probleem(Locatie("--format"), Tekst(f"{formaat} past niet bij dit soort query", f"{formaat} does not fit this kind of query"),
                                  Tekst("tabel/csv/json voor SELECT, tabel/json voor ASK, tabel/turtle voor CONSTRUCT",
                                        "tabel/csv/json for SELECT, tabel/json for ASK, tabel/turtle for CONSTRUCT"))) from None


def _uitvoer(tekst: str, pad: Path | None) -> None:
    if pad is None:
        click.echo(tekst.rstrip("\n"))
    else:
        from .bestanden import schrijf_atomair

        schrijf_atomair(pad, tekst if tekst.endswith("\n") else tekst + "\n")


@main.command()
@click.argument("paden", nargs=-1, type=click.Path(path_type=Path))
@_landschap_opties
@click.option("--all", "alles", is_flag=True,
              help="Controleer elke groep in RDF-bestanden (.nt, .nq, .ttl, .trig) of in --store, in één keer.")
@click.option("--motor", type=click.Choice(["snel", "pyshacl"]), default="snel", show_default=True,
              help="snel: de vormen als SPARQL op pyoxigraph; pyshacl: de referentie (zelfde bevindingen, trager).")
@click.option("--format", "formaat", type=click.Choice(["tekst", "json", "turtle", "sarif"]), default="tekst",
              show_default=True, help="tekst (checklist), json (vast schema), turtle (SHACL-rapport) of sarif (voor CI).")
@click.option("--fail-on", "fail_on", type=click.Choice(["violation", "warning", "info", "none"]), default="violation",
              show_default=True, help="Vanaf welke ernst de exitcode 1 is.")
@click.option("--vergelijk", "oud", type=click.Path(path_type=Path),
              help="Een eerdere versie van hetzelfde voorstel: toon wat er veranderd is.")
@click.option("-o", "--output", "uitvoer", type=click.Path(dir_okay=False, path_type=Path),
              help="Schrijf naar dit bestand (atomair) in plaats van naar het scherm.")
@click.option("--zonder-aanbevelingen", is_flag=True, help="Toon geen aanbevelingen onder de bevindingen.")
@click.pass_context
def check(ctx: click.Context, paden, landschap, config, store, endpoint, alles, motor, formaat, fail_on, oud, uitvoer,
          zonder_aanbevelingen) -> None:
    """Controleer of voorgestelde groepen aan hun randvoorwaarden voldoen.

    PADEN zijn groepsbestanden (YAML, Turtle, JSON-LD) of mappen daarmee; met --all
    RDF-bestanden met veel groepen (bijv. een export), of niets naast --store.

    \b
    Exitcodes: 0 geen bevinding vanaf --fail-on, 1 wel, 2 ongeldige invoer, 3 interne fout.
    """
    from .controle import Controle, check as controleer, rapporteer
    from .groups import lees_groepen
    from .report import Ernst, vergelijk

    taal = _taal(ctx)
    from .bulk import FORMATEN

    if alles and (store is not None or (paden and all(p.suffix.lower() in FORMATEN for p in paden))):
        _check_alles(ctx, paden, landschap, config, store, endpoint, motor, formaat, fail_on, uitvoer)
        return
    if not paden:
        raise click.UsageError("geef een of meer groepsbestanden of mappen (of --all met --store)")
    kb = _laad(landschap, config)
    groepen = [g for pad in paden for g in lees_groepen(pad, kb)]
    rapporten = [rapporteer(g, kb, motor=motor) for g in groepen]
    controle = Controle(rapporten)
    if formaat == "json":
        tekst = controle.als_json()
    elif formaat == "sarif":
        tekst = controle.als_sarif(taal)
    elif formaat == "turtle":
        tekst = "\n".join(r.als_turtle() for r in rapporten)
    else:
        delen = [r.als_tekst(taal) for r in rapporten]
        if not zonder_aanbevelingen and groepen:
            from .advies import adviseer

            for i, advies in enumerate(adviseer(groepen, kb, {g.iri: r for g, r in zip(groepen, rapporten)})):
                delen[i] += "\n\n" + advies.als_tekst(taal)
        tekst = "\n\n".join(delen)
    if oud is not None:
        from .errors import InvoerFout, Locatie, Probleem, Tekst

        oude = controleer(oud, kb=kb).rapporten
        if len(oude) != 1 or len(rapporten) != 1:
            raise InvoerFout(Probleem(Locatie(str(oud)), Tekst("--vergelijk werkt met precies één groep aan elke kant",
                                                               "--vergelijk needs exactly one group on each side")))
        tekst += "\n\n" + ("Compared with " if taal == "en" else "Vergeleken met ") + f"{oud}:\n" + \
            vergelijk(rapporten[0], oude[0]).als_tekst(taal)
    _uitvoer(tekst, uitvoer)
    if controle.boven(Ernst.uit_tekst(fail_on)):
        ctx.exit(1)


@main.command()
@click.argument("paden", nargs=-1, required=True, type=click.Path(path_type=Path))
@_landschap_opties
@click.option("--format", "formaat", type=click.Choice(["tekst", "json", "turtle"]), default="tekst", show_default=True,
              help="tekst, json (vast schema) of turtle (de afgeleide graaf met PROV-herkomst).")
@click.option("--zonder-effect", is_flag=True, help="Bereken niet welke randvoorwaarden een aanbeveling zou halen.")
@click.option("-o", "--output", "uitvoer", type=click.Path(dir_okay=False, path_type=Path),
              help="Schrijf naar dit bestand (atomair) in plaats van naar het scherm.")
@click.pass_context
def recommend(ctx: click.Context, paden, landschap, config, store, endpoint, formaat, zonder_effect, uitvoer) -> None:
    """Aanbevelingen: ontbrekende partners, bestaande tafels, schaalgrootte, continuïteit, …

    Elke aanbeveling met waarom (de feiten die pasten), de bron en het effect op de controle.
    """
    from .groups import lees_groepen
    from .advies import adviseer, als_json

    taal = _taal(ctx)
    kb = _laad(landschap, config)
    groepen = [g for pad in paden for g in lees_groepen(pad, kb)]
    adviezen = adviseer(groepen, kb, met_effect=not zonder_effect)
    if formaat == "json":
        tekst = als_json(adviezen)
    elif formaat == "turtle":
        from .namespaces import PREFIXES

        g = adviezen[0].afgeleid
        for prefix, ns in PREFIXES.items():
            g.bind(prefix, ns)
        g.bind("pzr", "https://w3id.org/pzgraph/rules#")
        tekst = g.serialize(format="turtle")
    else:
        tekst = "\n\n".join(f"{a.naam} ({a.bestand})\n" + a.als_tekst(taal) for a in adviezen)
    _uitvoer(tekst, uitvoer)


@main.command()
@click.argument("soort", required=False)
@click.option("-o", "--output", "uitvoer", type=click.Path(dir_okay=False, path_type=Path),
              help="Schrijf het sjabloon naar dit bestand.")
@click.option("--force", is_flag=True, help="Overschrijf een bestaand bestand.")
@click.pass_context
def new(ctx: click.Context, soort, uitvoer, force) -> None:
    """Druk een sjabloon met uitleg af voor een nieuwe groep van SOORT.

    Zonder SOORT: de lijst van soorten.
    """
    from .errors import InvoerFout, Locatie, Probleem, Tekst, suggesties
    from .formaat import formaat, sjabloon

    taal = _taal(ctx)
    f = formaat()
    if soort is None:
        for naam, s in f.soorten.items():
            click.echo(f"{naam:22} {s.titel_en if taal == 'en' else s.titel_nl}")
        return
    if soort not in f.soorten:
        raise InvoerFout(Probleem(Locatie(soort), Tekst(f"onbekende soort {soort!r}", f"unknown kind {soort!r}"),
                                  Tekst(" | ".join(f.soorten), " | ".join(f.soorten)), tuple(suggesties(soort, f.soorten))))
    tekst = sjabloon(soort, taal)
    if uitvoer is None:
        click.echo(tekst.rstrip("\n"))
    else:
        from .bestanden import schrijf_atomair

        schrijf_atomair(uitvoer, tekst, overschrijven=force)


@main.command()
@click.argument("paden", nargs=-1, type=click.Path(path_type=Path))
@click.option("--landschap", "landschap", multiple=True, type=click.Path(path_type=Path),
              help="Eigen landschapsbestand of -map naast de gebundelde gegevens; herhaalbaar.")
@click.option("--config", "config", type=click.Path(dir_okay=False, path_type=Path), help="Configuratiebestand (TOML).")
@click.option("--store", "naar_store", type=click.Path(file_okay=False, path_type=Path),
              help="Schrijf naar deze pyoxigraph-opslag (een map; wordt gemaakt als hij nog niet bestaat).")
@click.option("--endpoint", "endpoint", metavar="URL", help="Query-adres van de SPARQL-server.")
@click.option("--update-endpoint", "update_endpoint", metavar="URL",
              help="Update-adres van de SPARQL-server (Oxigraph: …/update; Fuseki: …/update).")
@click.pass_context
def load(ctx: click.Context, paden, landschap, config, naar_store, endpoint, update_endpoint) -> None:
    """Zet het landschap en groepen (PADEN) in een blijvende opslag of op een SPARQL-server.

    Elke benoemde graaf wordt in zijn geheel vervangen: twee keer laden geeft dezelfde opslag.
    """
    from .bron import EindpuntBron
    from .config import vind
    from .errors import InvoerFout, Locatie, Probleem, Tekst
    from .groups import lees_groepen
    from .kb import load as laad_kb
    from .opslaan import naar_eindpunt
    from .opslaan import naar_store as schrijf_store

    if (naar_store is None) == (endpoint is None):
        raise InvoerFout(Probleem(Locatie("pzgraph load"), Tekst("geef precies één van --store en --endpoint",
                                                                   "give exactly one of --store and --endpoint")))
    kb = laad_kb(landschap, config=vind(config))
    groepen = [g for pad in paden for g in lees_groepen(pad, kb)]
    if naar_store is not None:
        aantal = schrijf_store(kb, naar_store, groepen)
        waar = str(naar_store)
    else:
        aantal = naar_eindpunt(kb, EindpuntBron(endpoint, update_endpoint or endpoint.rsplit("/", 1)[0] + "/update"), groepen)
        waar = endpoint
    en = _taal(ctx) == "en"
    click.echo((f"Loaded into {waar}: {aantal} quads, {len(groepen)} groups." if en else
                f"Geladen in {waar}: {aantal} quads, {len(groepen)} groepen."))


@main.command()
@click.argument("paden", nargs=-1, type=click.Path(path_type=Path))
@_landschap_opties
@click.option("-o", "--output", "uitvoer", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Het bestand om te schrijven (atomair).")
@click.option("--format", "formaat", type=click.Choice(["turtle", "ntriples", "trig", "nquads", "jsonld"]),
              default="turtle", show_default=True, help="turtle/ntriples (plat) of trig/nquads/jsonld (met benoemde grafen).")
@click.option("--alleen-groepen", is_flag=True, help="Alleen de groepen (PADEN), zonder ontologie en landschap.")
@click.option("--met-personen", is_flag=True, help="Neem namen en e-mailadressen van personen op (standaard niet).")
@click.pass_context
def export(ctx: click.Context, paden, landschap, config, store, endpoint, uitvoer, formaat, alleen_groepen,
           met_personen) -> None:
    """Schrijf de hele graaf (of alleen groepen) naar een bestand: Turtle, N-Triples, TriG, N-Quads, JSON-LD."""
    from .groups import lees_groepen
    from .opslaan import exporteer

    kb = _laad(landschap, config)
    groepen = [g for pad in paden for g in lees_groepen(pad, kb)]
    aantal = exporteer(kb, groepen, uitvoer, formaat, alleen_groepen=alleen_groepen, met_personen=met_personen)
    click.echo((f"Wrote {aantal} triples to {uitvoer}." if _taal(ctx) == "en" else f"{aantal} triples geschreven naar {uitvoer}."), err=True)


@main.command()
@click.argument("paden", nargs=-1, type=click.Path(path_type=Path))
@click.option("--landschap", "landschap", multiple=True, type=click.Path(path_type=Path),
              help="Eigen landschapsbestand of -map naast de gebundelde gegevens; herhaalbaar.")
@click.option("--config", "config", type=click.Path(dir_okay=False, path_type=Path), help="Configuratiebestand (TOML).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Adres om op te luisteren (standaard alleen deze computer).")
@click.option("--port", default=7979, show_default=True, type=int, help="Poort.")
@click.option("--tijdslimiet", default=10.0, show_default=True, type=float, help="Seconden per query; daarna 503.")
@click.option("--rijlimiet", default=10000, show_default=True, type=int, help="Hoogstens zoveel rijen per antwoord.")
@click.option("--werkers", default=2, show_default=True, type=int, help="Queries die tegelijk mogen lopen.")
def serve(paden, landschap, config, host, port, tijdslimiet, rijlimiet, werkers) -> None:
    """Een alleen-lezen SPARQL-eindpunt met een webpagina voor de querycatalogus.

    PADEN zijn groepsbestanden of -mappen die naast het landschap bevraagbaar worden.
    Het eindpunt is http://HOST:PORT/sparql; de pagina http://HOST:PORT/.
    """
    import functools

    from .config import vind
    from .serve import serveer

    maker = functools.partial(laad_met_groepen, tuple(landschap), vind(config), tuple(paden))
    serveer(maker, host=host, port=port, tijdslimiet=tijdslimiet, rijlimiet=rijlimiet, werkers=werkers)


def laad_met_groepen(landschap: tuple[Path, ...], config: Path | None, paden: tuple[Path, ...]):
    """The knowledge base with the groups of ``paden`` in it (picklable, for the server's workers)."""
    from .kb import load

    return _voeg_groepen_toe(load(landschap, config=config), paden)


def _voeg_groepen_toe(kb, paden):
    """Put the groups of ``paden`` into the knowledge base's graph, one named graph each."""
    from .groups import lees_groepen
    from .opslaan import graaf_van

    for pad in paden:
        for groep in lees_groepen(pad, kb):
            kb.dataset.graph(graaf_van(groep)).__iadd__(groep.graaf)
    return kb


def _check_alles(ctx, paden, landschap, config, store, endpoint, motor, formaat, fail_on, uitvoer) -> None:
    """``check --all``: every group in RDF files or in a store, through :mod:`pzgraph.bulk`."""
    from .bulk import als_overzicht, check_alles
    from .controle import Controle
    from .report import Ernst

    if endpoint is not None:
        raise click.UsageError("--all werkt met RDF-bestanden of --store, niet met --endpoint")
    if formaat == "turtle":
        raise click.UsageError("--all geeft tekst, json of sarif; turtle per groep kan zonder --all")
    if store is not None:
        if paden:
            raise click.UsageError("--all met --store leest alleen de opslag; laad bestanden eerst met 'pzgraph load --store'")
        rapporten = check_alles([], store=_laad(landschap, config).bron.store, motor=motor)
    elif not paden:
        raise click.UsageError("geef RDF-bestanden met groepen, of --store")
    else:
        rapporten = check_alles(list(paden), _laad(landschap, config), motor=motor)
    controle = Controle(rapporten)
    if formaat == "json":
        tekst = controle.als_json(compact=True)
    elif formaat == "sarif":
        tekst = controle.als_sarif(_taal(ctx))
    else:
        tekst = als_overzicht(rapporten, _taal(ctx))
    _uitvoer(tekst, uitvoer)
    if controle.boven(Ernst.uit_tekst(fail_on)):
        ctx.exit(1)


@main.command()
def schema() -> None:
    """Druk het JSON Schema van het groepsformaat af (voor editors)."""
    import json

    from .formaat import json_schema

    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=1))


@main.command()
@_landschap_opties
@click.option("--zonder-landschap", is_flag=True, help="Alleen de ontologie (TBox) controleren.")
@click.option("--tijdslimiet", type=float, default=300, show_default=True, help="Seconden voor HermiT.")
@click.pass_context
def reason(ctx: click.Context, landschap, config, store, endpoint, zonder_landschap, tijdslimiet) -> None:
    """Controleer met HermiT (Java) of ontologie en landschap consistent zijn, en classificeer."""
    from .reason import redeneer_kb

    taal = _taal(ctx)
    kb = _laad(landschap, config)
    verslag = redeneer_kb(kb, met_landschap=not zonder_landschap, tijdslimiet=tijdslimiet)
    en = taal == "en"
    if verslag.onvervulbaar:
        click.echo(("Unsatisfiable classes: " if en else "Onvervulbare klassen: ") + ", ".join(verslag.onvervulbaar))
        ctx.exit(1)
    click.echo((f"Consistent ({verslag.triples} triples, {verslag.individuen} individuals, {verslag.seconden:.1f} s)."
                if en else
                f"Consistent ({verslag.triples} triples, {verslag.individuen} individuen, {verslag.seconden:.1f} s)."))
    click.echo((f"HermiT inferred new classes for {len(verslag.afgeleid)} individuals." if en else
                f"HermiT leidde voor {len(verslag.afgeleid)} individuen nieuwe klassen af."))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
