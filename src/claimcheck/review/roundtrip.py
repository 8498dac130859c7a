"""Writing claim-record files so that what a reviewer wrote in them survives re-extraction.

Owns the round trip (ruamel.yaml): a record file already on disk is loaded with its comments and key order, each
claim's mapping is updated in place from the fresh extraction (only the values that changed), and the claims are
put in their new order carrying their comments with them. The rules:

* a comment on a claim's line or inside it stays with that claim, and so do the comment lines just above it
  (between the previous claim and this one); a claim that moved takes them along;
* the comments at the top of the file and after the last claim stay where they are;
* the keys keep the order the reviewer gave them; a key the reviewer deleted whose value is still the default
  (``note: null``) is not put back; a new key goes after the key it follows in the usual order.

A new file is written by the same emitter, so writing a file twice with the same content changes nothing.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping, Sequence
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.scalarstring import LiteralScalarString
from ruamel.yaml.tokens import CommentToken

from ..errors import ConfigError
from ..models import Claim

# a claim's top-level fields a reviewer may delete when they hold these values: not written back
_DEFAULTS: dict[str, Any] = {
    name: field.default for name, field in Claim.model_fields.items() if not field.is_required()
}


def _yaml() -> YAML:
    yaml = YAML()  # round-trip: comments, key order and flow/block style are kept
    yaml.width = 1 << 16  # one line per scalar: a folded quote would be folded differently by the next writer
    yaml.indent(mapping=2, sequence=2, offset=0)
    yaml.representer.add_representer(type(None), _represent_null)
    return yaml


def _represent_null(representer: Any, _: None) -> Any:
    return representer.represent_scalar("tag:yaml.org,2002:null", "null")  # "note: null", not "note:"


def load(text: str, shown: str) -> CommentedMap:
    """The round-trip document of a record file; malformed YAML is a ConfigError with file and line."""
    try:
        doc = _yaml().load(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{shown}{where}: malformed YAML: {problem}") from exc
    if not isinstance(doc, CommentedMap) or not isinstance(doc.get("claims", []), list):
        raise ConfigError(f"{shown}: not a claimcheck claims file")
    return doc


def dump(doc: CommentedMap) -> str:
    out = io.StringIO()
    _yaml().dump(doc, out)
    return out.getvalue()


def new_document(header: str, top: Mapping[str, Any]) -> CommentedMap:
    doc = _fresh(dict(top))
    assert isinstance(doc, CommentedMap)
    doc.yaml_set_start_comment(header)
    return doc


def annotated_ids(doc: CommentedMap, ids: Sequence[str]) -> set[str]:
    """Ids of the claims a person commented on (on a line of the claim, or just above it). ``ids`` are the
    claims' ids as the file's reader read them, in file order: an item's own ``id`` may read differently here
    (``23571e558825`` unquoted is a number to a YAML 1.2 reader), so items are matched by position."""
    items = _claim_items(doc)
    leading, _ = _split_trailing(doc, items, detach=False)
    return {cid for cid, item in zip(ids, items, strict=False) if leading.get(id(item)) or _has_comment(item)}


def update(
    doc: CommentedMap,
    top: Mapping[str, Any],
    claims: Sequence[dict[str, Any]],
    origins: Sequence[str | None],
    ids: Sequence[str],
) -> str:
    """The record file's new text: ``doc`` (loaded from it) updated to ``top`` (schema, source) and ``claims``.

    ``origins[i]`` is the id of the old record ``claims[i]`` continues (None for a new claim): that record's
    mapping is updated in place, so its comments and key order stay. ``ids`` are the old records' ids in file
    order (see ``annotated_ids``).
    """
    items = _claim_items(doc)
    leading, tail = _split_trailing(doc, items, detach=True)
    by_id: dict[str, CommentedMap] = {}
    for cid, item in zip(ids, items, strict=False):
        by_id.setdefault(cid, item)
    for key, value in top.items():
        if key == "claims":
            continue
        if key in doc and isinstance(value, dict) and isinstance(doc[key], CommentedMap):
            moved = _detach_trailing(doc[key])  # comment lines between this mapping and the next key
            _update_map(doc[key], value, defaults=None)
            _attach_trailing(doc[key], moved)
        elif key not in doc or not _same(doc[key], value):
            doc[key] = _fresh(value)
    seq = CommentedSeq()
    for record, origin in zip(claims, origins, strict=True):
        node = by_id.pop(origin, None) if origin is not None else None
        if node is None:
            node = _fresh(record)
            assert isinstance(node, CommentedMap)
        else:
            _update_map(node, record, defaults=_DEFAULTS)
        above = leading.get(id(node), "")
        if above:
            if seq:
                _attach_trailing(seq[-1], above)
            else:
                seq.ca.comment = [None, [CommentToken(above, CommentMark(0), None)]]
        seq.append(node)
    if seq and tail:
        _attach_trailing(seq[-1], tail)
    doc["claims"] = seq
    return dump(doc)


# ------------------------------------------------------------------------------------------------ internals


def _claim_items(doc: CommentedMap) -> list[CommentedMap]:
    return [item for item in doc.get("claims") or [] if isinstance(item, CommentedMap)]


def _split_trailing(doc: CommentedMap, items: list[CommentedMap], *, detach: bool) -> tuple[dict[int, str], str]:
    """The comment lines above each claim (by ``id()`` of its mapping) and those after the last claim.

    ruamel keeps the lines between two items as the trailing comment of the first item's last value; they are
    read as belonging to the item below them. With ``detach`` they are removed from where ruamel put them.
    """
    leading: dict[int, str] = {}
    seq = doc.get("claims")
    if items and isinstance(seq, CommentedSeq):
        first = seq.ca.comment[1] if seq.ca.comment and len(seq.ca.comment) > 1 and seq.ca.comment[1] else []
        above_first = "".join(token.value for token in first if token is not None)
        if above_first:
            leading[id(items[0])] = above_first
        if detach:
            seq.ca.comment = None
            parent = doc.ca.items.get("claims")
            if parent is not None and len(parent) > 3:
                parent[3] = None
    tail = ""
    for index, item in enumerate(items):
        lines = _detach_trailing(item) if detach else _trailing_lines(item)
        if index + 1 < len(items):
            leading[id(items[index + 1])] = leading.get(id(items[index + 1]), "") + lines
        else:
            tail = lines
    return leading, tail


def _last_slot(node: Any) -> tuple[Any, Any, int] | None:
    """Where ruamel keeps the comment after a node's last value: (comment items, key, position), descending into
    block mappings and sequences (a flow collection holds its comment in its parent's slot)."""
    slot = None
    while isinstance(node, CommentedMap | CommentedSeq) and node and not node.fa.flow_style():
        if isinstance(node, CommentedMap):
            key: Any = next(reversed(node))
            slot, node = (node.ca.items, key, 2), node[key]
        else:
            slot, node = (node.ca.items, len(node) - 1, 0), node[-1]
    return slot


def _token(slot: tuple[Any, Any, int] | None) -> CommentToken | None:
    if slot is None:
        return None
    entry = slot[0].get(slot[1])
    token = entry[slot[2]] if entry is not None and len(entry) > slot[2] else None
    return token if isinstance(token, CommentToken) else None


def _trailing_lines(node: Any) -> str:
    token = _token(_last_slot(node))
    if token is None or "\n" not in token.value:
        return ""
    return str(token.value).split("\n", 1)[1]


def _detach_trailing(node: Any) -> str:
    """Remove the whole lines after ``node``'s last value from its trailing comment (the comment on the value's
    own line stays) and return them."""
    slot = _last_slot(node)
    token = _token(slot)
    if slot is None or token is None or "\n" not in token.value:
        return ""
    inline, lines = str(token.value).split("\n", 1)
    if inline.strip():
        token.value = inline + "\n"
    else:
        slot[0][slot[1]][slot[2]] = None
    return lines


def _attach_trailing(node: Any, lines: str) -> None:
    """Add whole comment lines after ``node``'s last value (before whatever follows it)."""
    slot = _last_slot(node)
    if not lines or slot is None:
        return
    token = _token(slot)
    if token is not None:
        token.value = str(token.value) + lines
        return
    entry = slot[0].setdefault(slot[1], [None, None, None, None])
    while len(entry) <= slot[2]:
        entry.append(None)
    entry[slot[2]] = CommentToken("\n" + lines, CommentMark(0), None)


def _has_comment(node: Any) -> bool:
    if isinstance(node, CommentedMap | CommentedSeq):
        for entry in node.ca.items.values():
            if any(isinstance(t, CommentToken) or (isinstance(t, list) and any(t)) for t in entry or ()):
                return True
        values = node.values() if isinstance(node, CommentedMap) else node
        return any(_has_comment(value) for value in values)
    return False


def _update_map(node: CommentedMap, record: Mapping[str, Any], defaults: Mapping[str, Any] | None) -> None:
    """Make ``node`` hold ``record``'s values, changing only what differs, keeping its key order and comments."""
    for key in [k for k in node if k not in record]:
        del node[key]
    previous: str | None = None
    for key, value in record.items():
        if key in node:
            current = node[key]
            if isinstance(value, dict) and isinstance(current, CommentedMap):
                _update_map(current, value, defaults=None)
            elif not _same(current, value):
                node[key] = _fresh(value)
        elif defaults is None or key not in defaults or value != defaults[key]:
            position = list(node).index(previous) + 1 if previous is not None else 0
            node.insert(position, key, _fresh(value))
        if key in node:
            previous = key


def _same(current: Any, value: Any) -> bool:
    if isinstance(current, dt.date):
        current = current.isoformat()  # an unquoted date a person typed reads as a date
    if isinstance(value, bool) != isinstance(current, bool):
        return False
    if isinstance(value, dict):
        return (
            isinstance(current, Mapping)
            and set(current) == set(value)
            and all(_same(current[k], v) for k, v in value.items())
        )
    if isinstance(value, list):
        return (
            isinstance(current, list)
            and len(current) == len(value)
            and all(_same(c, v) for c, v in zip(current, value, strict=True))
        )
    return bool(current == value) and (current is None) == (value is None)


def _fresh(value: Any) -> Any:
    if isinstance(value, dict):
        node = CommentedMap()
        for key, item in value.items():
            node[key] = _fresh(item)
        return node
    if isinstance(value, list | tuple):
        seq = CommentedSeq(_fresh(item) for item in value)
        if not value:
            seq.fa.set_flow_style()  # "[]"
        return seq
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value)
    return value
