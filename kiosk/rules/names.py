"""Residents' names as screens, slips and logs may show them: masked (张*三, J*** S****)."""

from __future__ import annotations


def mask_name(name: str) -> str:
    """张*三, 王*, an English name J*** S****: the first letter of each part kept."""
    name = name.strip()
    if not name:
        return ""
    if all("\u4e00" <= ch <= "\u9fff" or ch == "·" for ch in name):
        if len(name) == 1:
            return name
        if len(name) == 2:
            return name[0] + "*"
        return name[0] + "*" * (len(name) - 2) + name[-1]
    return " ".join(part[0] + "*" * (len(part) - 1) for part in name.split())
