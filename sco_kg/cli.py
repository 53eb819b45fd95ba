"""The ``sco-kg`` command: a thin layer over the pipeline, the store and the web app.

Every command takes ``--store DIR`` (default ``data/store`` or ``$SCO_KG_STORE``). Errors
print one line naming the problem and exit 2; ``validate`` exits 1 on a violation.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from . import __version__
from .formats import RDF_FORMATS, RESULT_FORMATS, rdf_format_for
from .ingest import InputError
from .paths import BUNDLED_CORPUS, default_store
from .store import StoreError, StoreHome


class CliError(Exception):
    """A user-facing error: printed as one line, exit status 2."""


def _progress(step: str, done: int, total: int) -> None:
    end = "\n" if done >= total or not sys.stderr.isatty() else "\r"
    print(f"sco-kg: {step} {done}/{total}", end=end, file=sys.stderr, flush=True)


def _home(args: argparse.Namespace) -> StoreHome:
    return StoreHome(Path(args.store) if args.store else default_store())


def _open(args: argparse.Namespace):
    return _home(args).open(read_only=True)


def cmd_build(args: argparse.Namespace) -> int:
    from .pipeline import build

    inputs = [Path(p) for p in args.inputs] or BUNDLED_CORPUS
    report = build(inputs, _home(args), progress=_progress)
    for article, fact, shape, message in report.rejections:
        print(f"sco-kg: rejected {fact} ({article}): {shape}: {message}", file=sys.stderr)
    print(
        f"built {_home(args).path}: {report.articles} articles, {report.quads} quads, "
        f"{len(report.rejections)} facts rejected"
    )
    return 0


def cmd_facts(args: argparse.Namespace) -> int:
    store = _open(args)
    from .facts import export_facts

    facts = export_facts(store)
    if args.format == "json":
        json.dump(facts, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for section, items in facts.items():
        print(f"# {section.replace('_', ' ')} ({len(items)})")
        for item in items:
            print(_describe(section, item))
            for source in item.get("sources", []):
                print(f"    [{source['article']} {source['start']}-{source['end']}] {source['evidence']}")
        print()
    return 0


def _describe(section: str, item: dict) -> str:
    if "meetings" in section:
        people = "; ".join(
            ", ".join(x for x in (p.get("name"), p.get("role"), p.get("country")) if x)
            for p in item["participants"]
        )
        where = " ".join(x for x in (item.get("date"), item.get("location")) if x)
        return f"- {item['kind']} {where}: {people}"
    if section == "partnerships":
        when = f" ({item['when']})" if item.get("when") else ""
        return f"- {' - '.join(item['parties'])}: {item['level']}, {item['change']}{when}"
    if section == "endorsements":
        return f"- {item['party']} endorses {item['initiative']}"
    return f"- {item['name']} ({', '.join(item.get('dates') or []) or 'no date'})"


def cmd_validate(args: argparse.Namespace) -> int:
    store = _open(args)
    from .validate import validate_store

    report = validate_store(store)
    print(report.text)
    return 0 if report.conforms else 1


def cmd_query(args: argparse.Namespace) -> int:
    import pyoxigraph as ox

    text = _query_text(args.query)
    try:
        result = _open(args).query(text)
    except SyntaxError as exc:
        raise CliError(f"invalid SPARQL: {exc}") from exc
    out = sys.stdout.buffer
    if isinstance(result, ox.QueryTriples):
        fmt = RDF_FORMATS.get(args.format or "ttl")
        if fmt is None or fmt.supports_datasets:
            raise CliError(f"a CONSTRUCT/DESCRIBE result cannot be written as {args.format!r}: use ttl, nt, jsonld or rdf")
        result.serialize(out, fmt)
    else:
        rfmt = RESULT_FORMATS.get(args.format or "csv")
        if rfmt is None:
            raise CliError(f"a SELECT/ASK result cannot be written as {args.format!r}: use csv, tsv, json or xml")
        result.serialize(out, rfmt)
    out.flush()
    return 0


def _query_text(query_or_file: str) -> str:
    """The query itself, or the content of the file it names (``.rq``, ``.sparql``...)."""
    path = Path(query_or_file)
    looks_like_file = "\n" not in query_or_file and "{" not in query_or_file
    if looks_like_file and (path.suffix in {".rq", ".sparql"} or path.is_file()):
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CliError(f"cannot read query file {path}: {getattr(exc, 'strerror', None) or exc}") from exc
    return query_or_file


def cmd_dump(args: argparse.Namespace) -> int:
    fmt = RDF_FORMATS[args.format]
    store = _open(args)
    if args.out:
        out_path = Path(args.out)
        tmp = out_path.with_name(out_path.name + ".part")
        try:
            with tmp.open("wb") as f:
                store.dump(f, fmt)
            tmp.replace(out_path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise CliError(f"cannot write {out_path}: {exc.strerror or exc}") from exc
    else:
        store.dump(sys.stdout.buffer, fmt)
        sys.stdout.buffer.flush()
    return 0


def cmd_load(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        raise CliError(f"{path}: no such file")
    try:
        fmt = rdf_format_for(path)
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    if args.graph and fmt.supports_datasets:
        raise CliError(f"{path}: --graph applies to triple formats, but {fmt.name} carries its own graphs")
    home = _home(args)
    try:
        # Load into a copy of the active database and swap: a parse error halfway leaves
        # the store exactly as it was.
        with home.new_build(copy_active=True) as (_, store):
            before = _triple_count(store)
            store.load(path, fmt, graph=args.graph)
            added = _triple_count(store) - before
    except SyntaxError as exc:
        raise CliError(f"{path}: invalid {fmt.name}: {exc}") from exc
    print(f"loaded {path}: {added} triples new to the merged view; the store holds {len(store)} quads")
    return 0


def _triple_count(store) -> int:
    row = next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))
    return int(row["n"].value)


def cmd_serve(args: argparse.Namespace) -> int:
    from .pipeline import build
    from .web.server import serve
    from .web.settings import Settings

    home = _home(args)
    if not home.exists():
        print(f"sco-kg: {home.path} is empty; building the bundled corpus first", file=sys.stderr)
        build(BUNDLED_CORPUS, home, progress=_progress)
    settings = Settings(
        store_path=home.path,
        host=args.host,
        port=args.port,
        update_token=args.update_token,
        timeout=args.timeout,
    )
    serve(settings, home)
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    gold = Path(args.gold)
    if not gold.exists():
        raise CliError(f"{gold}: no such gold file or directory")
    store = _open(args)
    from .evaluate import run
    from .facts import export_facts

    report = run(gold, export_facts(store), per_article=args.per_article)
    print(report.to_text())
    if args.json:
        Path(args.json).write_text(json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


def cmd_unlinked(args: argparse.Namespace) -> int:
    store = _open(args)
    from .unlinked import unlinked_entities, write

    write(unlinked_entities(store), args.format, sys.stdout)
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="sco-kg", description="A linked-data knowledge graph of diplomacy.")
    p.add_argument("--version", action="version", version=f"sco-kg {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, func, help: str) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help, description=help)
        sp.add_argument("--store", metavar="DIR", help="store directory (default: data/store or $SCO_KG_STORE)")
        sp.set_defaults(func=func)
        return sp

    sp = command("build", cmd_build, "extract facts from articles, validate them and write a new store")
    sp.add_argument("inputs", nargs="*", metavar="INPUT", help="text or JSON Lines files (default: the bundled corpus)")
    sp = command("facts", cmd_facts, "list the facts in the store with their evidence")
    sp.add_argument("--format", choices=["text", "json"], default="text")
    command("validate", cmd_validate, "validate the store against the SHACL shapes (exit 1 on a violation)")
    sp = command("query", cmd_query, "run a SPARQL query (text or a .rq file)")
    sp.add_argument("query", metavar="QUERY_OR_FILE")
    sp.add_argument("--format", choices=sorted({*RESULT_FORMATS, "ttl", "nt", "jsonld", "rdf"}))
    sp = command("dump", cmd_dump, "write the whole store as RDF")
    sp.add_argument("--format", choices=sorted(RDF_FORMATS), default="nq")
    sp.add_argument("--out", metavar="FILE")
    sp = command("load", cmd_load, "bulk-load an RDF file into the store")
    sp.add_argument("file", metavar="FILE")
    sp.add_argument("--graph", metavar="IRI", help="named graph for a triples file (default: the default graph)")
    sp = command("serve", cmd_serve, "serve the SPARQL endpoint, downloads and pages")
    sp.add_argument("--host", default="127.0.0.1")
    sp.add_argument("--port", type=int, default=8000)
    sp.add_argument("--update-token", metavar="TOKEN", help="bearer token that allows SPARQL updates")
    sp.add_argument("--timeout", type=float, default=30.0, metavar="S", help="query timeout in seconds")
    sp = command("evaluate", cmd_evaluate, "score the store's facts against gold files")
    sp.add_argument("--gold", required=True, metavar="PATH", help="a gold JSON file or a directory of them")
    sp.add_argument("--per-article", action="store_true", help="scores per gold file as well")
    sp.add_argument("--json", metavar="FILE", help="also write the scores as JSON")
    sp = command("unlinked", cmd_unlinked, "list entities without a Wikidata link, for curators")
    sp.add_argument("--format", choices=["csv", "json"], default="csv")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except (CliError, InputError, StoreError) as exc:
        print(f"sco-kg: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("sco-kg: interrupted; the store is unchanged", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
