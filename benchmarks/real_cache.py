"""The real-article set: an index in git, the texts in a git-ignored cache checked by SHA-256.

Usage:
  python benchmarks/real_cache.py check                     # exit 1 if a text is missing or altered
  python benchmarks/real_cache.py list [--split dev|test]
  python benchmarks/real_cache.py add ID URL DATE PUBLISHER FILE [--split dev|test]
  python benchmarks/real_cache.py move ID SPLIT             # e.g. a studied test article to dev
  python benchmarks/real_cache.py fit ID FILE               # refill the cache from a stored copy of the page

The articles are other people's writing, so git holds only `benchmarks/real/articles.json` (id, URL,
publisher, date, split, SHA-256 of the text) and the gold files `benchmarks/real/gold/<id>.gold.json`.
The texts live in the cache folder: `$TKG_ARTICLE_CACHE` if set, else `benchmarks/real/cache/`,
one `<id>.txt` each (UTF-8, `\\n` newlines, one final newline). Exit codes: 0 done, 1 a text or
gold file is missing or a hash differs (`check`), 2 bad input.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import re
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:            # run as a script: the checkout's own `graph`, not an installed one
    sys.path.insert(0, str(ROOT))

if str(ROOT / "benchmarks") not in sys.path:     # cache_fit, imported where it is used (it uses text_hash)
    sys.path.insert(0, str(ROOT / "benchmarks"))


from graph.errors import InputError

REAL = ROOT / "benchmarks" / "real"
INDEX = REAL / "articles.json"
GOLD_DIR = REAL / "gold"
SPLITS = ("dev", "test")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{2,80}$")


class CacheError(InputError):
    """Bad input to the cache script (exit 2)."""


@dataclass(frozen=True)
class Entry:
    id: str
    url: str
    publisher: str
    date: str
    split: str
    sha256: str


def cache_dir() -> Path:
    """`$TKG_ARTICLE_CACHE`, else `benchmarks/real/cache/` in the checkout."""
    env = os.environ.get("TKG_ARTICLE_CACHE")
    return Path(env) if env else REAL / "cache"


def normalize_text(text: str) -> str:
    """`\\r\\n` and `\\r` as `\\n`, no trailing spaces on a line, no blank lines at either end, one final newline."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n") + "\n"


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_index(path: Path = INDEX) -> list[Entry]:
    if not path.is_file():
        return []
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))["articles"]
        return [Entry(**row) for row in rows]
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise CacheError(f"{path}: not an article index: {exc}") from None


def save_index(entries: list[Entry], path: Path = INDEX) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = {"articles": [asdict(e) for e in sorted(entries, key=lambda e: e.id)]}
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def status(entry: Entry, cache: Path) -> str:
    """`ok`, `missing` or `wrong hash` for the cached text of one entry."""
    file = cache / f"{entry.id}.txt"
    if not file.is_file():
        return "missing"
    return "ok" if text_hash(file.read_text(encoding="utf-8")) == entry.sha256 else "wrong hash"


def cached_text(entry: Entry, cache: Path) -> str | None:
    """The entry's text if the cache holds it unaltered, else None."""
    if status(entry, cache) != "ok":
        return None
    return (cache / f"{entry.id}.txt").read_text(encoding="utf-8")


def read_ids(path: Path) -> list[str]:
    """The article ids of a list file: whitespace-separated, `#` starts a comment, order kept, no repeats."""
    text = path.read_text(encoding="utf-8")
    return list(dict.fromkeys(w for ln in text.splitlines() for w in ln.split("#")[0].split()))


def not_dev(ids: list[str], index: list[Entry]) -> list[str]:
    """The ids that name no dev article (a test article, or none): the test split is scored, never studied."""
    dev = {e.id for e in index if e.split == "dev"}
    return [i for i in ids if i not in dev]


def problems(entries: list[Entry], cache: Path, gold_dir: Path = GOLD_DIR) -> list[tuple[str, str]]:
    """(id, problem) for every text missing or altered and every gold file missing."""
    out = []
    for e in entries:
        st = status(e, cache)
        if st != "ok":
            out.append((e.id, f"text {st} ({cache / (e.id + '.txt')})"))
        if not (gold_dir / f"{e.id}.gold.json").is_file():
            out.append((e.id, "gold file missing"))
    return out


def add(entries: list[Entry], *, id_: str, url: str, date: str, publisher: str, text: str, split: str,
        cache: Path) -> Entry:
    """Write the normalized text into the cache and return the new entry (refused if the id exists)."""
    if not _ID.match(id_):
        raise CacheError(f"bad id {id_!r}: lower-case letters, digits and hyphens")
    if any(e.id == id_ for e in entries):
        raise CacheError(f"{id_} is already in the index")
    if split not in SPLITS:
        raise CacheError(f"split must be one of {SPLITS}")
    if not url.startswith(("http://", "https://")):
        raise CacheError(f"not a URL: {url!r}")
    try:
        dt.date.fromisoformat(date)
    except ValueError:
        raise CacheError(f"not a date YYYY-MM-DD: {date!r}") from None
    text = normalize_text(text)
    if not text.strip():
        raise CacheError("empty text")
    cache.mkdir(parents=True, exist_ok=True)
    (cache / f"{id_}.txt").write_text(text, encoding="utf-8")
    return Entry(id=id_, url=url, publisher=publisher, date=date, split=split, sha256=text_hash(text))


def move(entries: list[Entry], id_: str, split: str) -> list[Entry]:
    if split not in SPLITS:
        raise CacheError(f"split must be one of {SPLITS}")
    if not any(e.id == id_ for e in entries):
        raise CacheError(f"no article {id_!r} in the index")
    return [Entry(**{**asdict(e), "split": split}) if e.id == id_ else e for e in entries]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="real_cache.py", description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    sub.add_parser("check", help="say which texts are missing or altered (exit 1 if any)")
    ls = sub.add_parser("list", help="the set, with each text's status")
    ls.add_argument("--split", choices=SPLITS)
    ad = sub.add_parser("add", help="add one article: its text goes to the cache, its hash to the index")
    for name in ("id", "url", "date", "publisher", "file"):
        ad.add_argument(name)
    ad.add_argument("--split", choices=SPLITS, default="dev")
    mv = sub.add_parser("move", help="move an article to another split")
    mv.add_argument("id")
    mv.add_argument("split", choices=SPLITS)
    ft = sub.add_parser("fit", help="refill one text from a stored copy of its page (plain text, or the search "
                        "tool's JSON): the trimming with the index's hash goes to the cache")
    ft.add_argument("id")
    ft.add_argument("file")
    return p


def fit(entries: list[Entry], id_: str, raw: str, cache: Path) -> bool:
    """Write the trimming of the page in `raw` whose hash is the entry's into the cache; False if none has it."""
    from cache_fit import fit_text, page_texts
    entry = next((e for e in entries if e.id == id_), None)
    if entry is None:
        raise CacheError(f"no article {id_!r} in the index")
    for page in page_texts(raw):
        text = fit_text(page, entry.sha256)
        if text is not None:
            cache.mkdir(parents=True, exist_ok=True)
            (cache / f"{id_}.txt").write_text(text, encoding="utf-8")
            return True
    return False


def run(argv: list[str], *, index: Path = INDEX, gold_dir: Path = GOLD_DIR) -> int:
    args = _parser().parse_args(argv)
    cache = cache_dir()
    entries = load_index(index)
    if args.cmd == "check":
        found = problems(entries, cache, gold_dir)
        for id_, what in found:
            print(f"{id_}: {what}")
        print(f"{len(entries)} articles, {len({i for i, w in found if w.startswith('text')})} texts missing or altered, "
              f"{sum(1 for _, w in found if w.startswith('gold'))} gold files missing; cache {cache}")
        return 1 if found else 0
    if args.cmd == "list":
        for e in entries:
            if args.split in (None, e.split):
                print(f"{e.id}\t{e.split}\t{e.date}\t{e.publisher}\t{status(e, cache)}\t{e.url}")
        return 0
    if args.cmd == "add":
        try:
            text = Path(args.file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CacheError(f"{args.file}: cannot read as UTF-8 text: {exc}") from None
        entry = add(entries, id_=args.id, url=args.url, date=args.date, publisher=args.publisher, text=text,
                    split=args.split, cache=cache)
        save_index([*entries, entry], index)
        print(f"added {entry.id} ({entry.split}) sha256 {entry.sha256[:12]}…")
        return 0
    if args.cmd == "fit":
        try:
            raw = Path(args.file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CacheError(f"{args.file}: cannot read as UTF-8 text: {exc}") from None
        if fit(entries, args.id, raw, cache):
            print(f"{args.id}: fitted, text in {cache / (args.id + '.txt')}")
            return 0
        print(f"{args.id}: no trimming of {args.file} has the recorded hash")
        return 1
    save_index(move(entries, args.id, args.split), index)
    print(f"{args.id} moved to {args.split}")
    return 0


def main(argv: list[str]) -> int:
    try:
        return run(argv)
    except CacheError as exc:
        print(f"real_cache.py: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
