"""User actor dictionaries: a team's own militias, parties and officials, in one mechanism.

Three formats load into the same tables the built-in data uses:

* **CSV** (eventwire's own): columns ``text, country, sector`` and optionally ``name``,
  ``aliases`` (separated by ``|``) and ``kind`` (``actor``, the default, or ``agent`` for a
  noun that names a sector without a country, such as "militiamen").
* **YAML**: a list of mappings with the same keys (``aliases`` a list), or a mapping from
  the name to such a mapping.
* **PETRARCH** actor and agent dictionaries (``.txt``): ``NAME_WITH_UNDERSCORES [CODE]`` lines,
  ``+SYNONYM`` lines under an entry, ``#`` comments and ``<!-- -->`` blocks; dated codes
  (``[CODE >20050101]``) take the code in force today; agents are ``PHRASE {PLURAL} [~SECTOR]``
  with ``!MACRO! = A, B`` substitutions. A code's first three letters are the country (a
  CAMEO/ISO code, fictional ones included) and the next three the sector.

PETRARCH dictionaries are upper case; their forms are matched as written, in Title Case, and
in lower case. User entries win over the built-in tables.
"""

from __future__ import annotations

import csv
import re
import dataclasses
from dataclasses import dataclass
from pathlib import Path

from .tables import Entry, Tables

AGENT_KINDS = {"agent", "sector"}
# CAMEO role codes: in a code such as PSEHMSGOV (Palestine, Hamas, government) the sector is the
# first of these after the country; other three-letter parts name groups or religions
ROLES = {"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "LEG", "CVL", "BUS", "MED",
         "EDU", "REL", "LAB", "AGR", "REF", "HLH", "ELI", "CRM", "UAF", "INS", "SEP", "MOD",
         "RAD", "HRI", "ENV", "DEV", "IGO", "NGO", "NGM", "MNC", "IMG"}
NON_STATE = {"IGO", "NGO", "IMG", "MNC", "NGM", "UIS", "---"}
_CODE = re.compile(r"\[([^\]]*)\]")
_COMMENT_BLOCK = re.compile(r"<!--.*?-->", re.S)


class DictionaryError(ValueError):
    """A dictionary file that cannot be read, with the file and line."""


@dataclass(frozen=True)
class UserActor:
    forms: tuple[str, ...]
    country: str | None
    sector: str | None
    name: str
    agent: bool = False


def load_dictionary(path: str | Path) -> list[UserActor]:
    """Entries of one dictionary file, by its extension and content."""
    path = Path(path)
    if not path.is_file():
        raise DictionaryError(f"{path}: no such dictionary file")
    text = path.read_text(encoding="utf-8-sig")
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        return _from_csv(text, path, "\t" if suffix == ".tsv" else ",")
    if suffix in (".yaml", ".yml"):
        return _from_yaml(text, path)
    if "[~" in text or re.search(r"^\s*![A-Z]+!\s*=", text, re.M):
        return _from_petrarch_agents(text, path)
    return _from_petrarch_actors(text, path)


def apply_dictionaries(tables: Tables, actors: list[UserActor]) -> Tables:
    """A copy of ``tables`` with the user's entries added (they win over built-in forms)."""
    merged = dataclasses.replace(tables, surface=dict(tables.surface),
                                 sector_nouns=dict(tables.sector_nouns))
    for actor in actors:
        if actor.agent:
            for form in actor.forms:
                if actor.sector:
                    merged.sector_nouns[form.lower()] = (actor.sector, True)
            continue
        entry = Entry("user", actor.country, actor.sector, actor.name)
        for form in actor.forms:
            merged.surface[form] = entry
    return merged


# --- eventwire CSV and YAML ---------------------------------------------------------------------

def _code(value: str | None) -> str | None:
    value = (value or "").strip().upper()
    return value or None


def _entry(row: dict, where: str) -> UserActor:
    text = str(row.get("text") or row.get("name") or "").strip()
    if not text:
        raise DictionaryError(f"{where}: an entry needs 'text' (or 'name')")
    aliases = row.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [a.strip() for a in aliases.split("|")]
    forms = tuple(dict.fromkeys(f for f in [text, *[str(a).strip() for a in aliases]] if f))
    kind = str(row.get("kind") or "actor").strip().lower()
    country = _code(row.get("country"))
    sector = _code(row.get("sector"))
    if kind not in AGENT_KINDS and country is None and sector is None:
        raise DictionaryError(f"{where}: {text!r} has neither a country nor a sector")
    if kind in AGENT_KINDS and sector is None:
        raise DictionaryError(f"{where}: agent {text!r} needs a sector")
    return UserActor(forms, country, sector, str(row.get("name") or text).strip(),
                     agent=kind in AGENT_KINDS)


def _from_csv(text: str, path: Path, delimiter: str) -> list[UserActor]:
    reader = csv.DictReader(text.splitlines(), delimiter=delimiter)
    if not reader.fieldnames or "text" not in [f.strip() for f in reader.fieldnames]:
        raise DictionaryError(f"{path}:1: a CSV dictionary needs a header with 'text', "
                              "'country' and 'sector' columns")
    out = []
    for number, row in enumerate(reader, start=2):
        row = {(k or "").strip(): v for k, v in row.items()}
        if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
            continue
        out.append(_entry(row, f"{path}:{number}"))
    return out


def _from_yaml(text: str, path: Path) -> list[UserActor]:
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise DictionaryError(f"{path}{line}: not valid YAML ({exc})") from None
    if isinstance(data, dict):
        data = [{"text": name, **(value or {})} for name, value in data.items()]
    if not isinstance(data, list):
        raise DictionaryError(f"{path}: expected a list of actors or a mapping of names")
    out = []
    for number, row in enumerate(data, start=1):
        if not isinstance(row, dict):
            raise DictionaryError(f"{path}: entry {number} is not a mapping")
        out.append(_entry(row, f"{path}: entry {number}"))
    return out


# --- PETRARCH -------------------------------------------------------------------------------------

def _forms(phrase: str) -> tuple[str, ...]:
    words = phrase.replace("_", " ").split()
    if not words:
        return ()
    plain = " ".join(words)
    title = " ".join(w[:1].upper() + w[1:].lower() if w.isupper() else w for w in words)
    return tuple(dict.fromkeys([plain, title, plain.lower()]))


def _split_code(code: str) -> tuple[str | None, str | None]:
    code = code.strip().lstrip("~").upper()
    if not code or code == "---":
        return None, None
    country = code[:3] if code[:3].isalpha() else None
    parts = [code[i:i + 3] for i in range(3, len(code), 3)]
    sector = next((part for part in parts if part in ROLES), parts[0] if parts else None)
    if country in ROLES and country not in NON_STATE:  # an agent code: ~GOV
        country, sector = None, country
    if country == "---":
        country = None
    return country, sector


def _current_code(codes: str) -> str:
    """'[ABC]' or several dated codes '[ABC >20050101] [DEF <20050101]': the undated or latest."""
    choices = _CODE.findall(codes)
    if not choices:
        return ""
    undated = [c.split()[0] for c in choices if len(c.split()) == 1]
    if undated:
        return undated[-1]
    later = [c.split()[0] for c in choices if ">" in c]
    return (later or [choices[-1].split()[0]])[-1]


def _lines(text: str):
    text = _COMMENT_BLOCK.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].rstrip()
        if line.strip():
            yield number, line.strip()


def _from_petrarch_actors(text: str, path: Path) -> list[UserActor]:
    out: list[UserActor] = []
    current: dict | None = None

    def flush() -> None:
        if current and current["forms"]:
            country, sector = _split_code(_current_code(" ".join(current["codes"])))
            if country is not None or sector is not None:
                out.append(UserActor(tuple(dict.fromkeys(current["forms"])), country, sector,
                                     current["name"]))

    for number, line in _lines(text):
        if line.startswith("+"):
            if current is None:
                raise DictionaryError(f"{path}:{number}: synonym {line!r} before any actor")
            current["forms"].extend(_forms(line[1:].split("[")[0]))
            continue
        if line.startswith("["):  # a dated code line under the current actor
            if current is not None:
                current["codes"].append(line)
            continue
        flush()
        phrase = line.split("[", 1)[0].strip()
        if not phrase:
            raise DictionaryError(f"{path}:{number}: cannot read {line!r}")
        codes = _CODE.findall(line)
        current = {"forms": list(_forms(phrase)), "codes": [f"[{c}]" for c in codes],
                   "name": phrase.replace("_", " ").title()}
    flush()
    return out


def _from_petrarch_agents(text: str, path: Path) -> list[UserActor]:
    macros: dict[str, list[str]] = {}
    out = []
    for number, line in _lines(text):
        macro = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line)
        if macro:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",") if w.strip()]
            continue
        code = _current_code(line)
        if not code:
            raise DictionaryError(f"{path}:{number}: agent without a [~CODE]: {line!r}")
        chunks = [code.lstrip("~").upper()[i:i + 3] for i in range(0, len(code.lstrip("~")), 3)]
        sector = next((c for c in chunks if c in ROLES), chunks[0] if chunks else None)
        head = line.split("[", 1)[0]
        plurals = re.findall(r"\{([^}]*)\}", head)
        phrase = re.sub(r"\{[^}]*\}", "", head).strip()
        phrases = [phrase] + [p.strip() for group in plurals for p in group.split(",") if p.strip()]
        expanded = []
        for p in phrases:
            names = [m for m in macros if m in p]
            if names:  # CONGRESS!PERSON! -> CONGRESSMAN, CONGRESSWOMAN ...
                for name in names:
                    expanded.extend(p.replace(name, word) for word in macros[name])
            else:
                expanded.append(p)
        forms = tuple(f.lower() for p in expanded for f in _forms(p)[:1])
        if sector and forms:
            name = re.sub(r"![A-Z]+!", "", phrase).replace("_", " ").strip().lower()
            out.append(UserActor(forms, None, sector, name, agent=True))
    return out
