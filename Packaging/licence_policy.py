"""Which licences the code linked into sunset may carry, Sunset itself being Apache-2.0.

Used by Packaging/collect-licenses. A licence text is first named (the GNU family and the
like are recognised from their own titles, notices and SPDX identifiers, whatever else the
text holds), then judged by how it is linked:

  * permissive licences that are known here: fine, static or dynamic;
  * LGPL: fine when linked dynamically (a system library); linked statically it would
    oblige the package to ship objects to relink with, so it needs a decision;
  * GPL without a linking exception, AGPL, SSPL, BUSL, the Commons Clause: never, because
    the binary could then not be distributed under Apache-2.0;
  * anything not recognised: cannot tell, so it needs a decision.

A decision is a row of Packaging/licence-decisions.tsv: someone read the licence and wrote
down why that package may be linked under it.
"""

import fnmatch
import re

# Names (DEP-5 short names or SPDX ids, compared without case) that may be combined with
# Apache-2.0 however they are linked.
PERMISSIVE = {
    "apache-2.0", "expat", "mit", "isc", "bsd-2-clause", "bsd-3-clause", "openssl", "ssleay",
    "zlib", "bsl-1.0", "mpl-2.0", "unlicense", "cc0-1.0", "public-domain", "x11",
}
NEVER = re.compile(r"^(agpl|sspl|busl|commons-clause)", re.IGNORECASE)
GPL = re.compile(r"^gpl", re.IGNORECASE)
LGPL = re.compile(r"^lgpl", re.IGNORECASE)
LINKING_EXCEPTION = re.compile(r"(classpath|linking|gcc|runtime)", re.IGNORECASE)


# MARK: - Naming a licence text


def copyleft_names(text):
    """Names of the copyleft and source-available licences a licence text is under."""
    flat = " ".join(text.split())
    names = []
    for pattern, name in ((r"Server Side Public Licen[cs]e", "SSPL-1.0"),
                          (r"Business Source Licen[cs]e", "BUSL-1.1"),
                          (r"\bCommons Clause\b", "Commons-Clause")):
        if re.search(pattern, flat, re.IGNORECASE):
            names.append(name)
    gnu = gnu_name(flat)
    if gnu:
        names.append(gnu)
    for name in spdx_names(text):
        if name.lower() not in (n.lower() for n in names):
            names.append(name)
    return names


def gnu_name(flat):
    """The GNU licence a text is under: 'GPL-2.0-only', 'LGPL-2.1-or-later', 'AGPL-3.0',
    'GPL-3.0 with linking exception'… Only a GNU licence's title at the top of the text, or
    a notice putting code under one, counts, and the first decides (an LGPL text mentions
    the GPL later on; the MPL-2.0 names the GPL as a "secondary licence")."""
    title = None
    for match in re.finditer(r"GNU\s+(AFFERO\s+|LESSER\s+|LIBRARY\s+)?GENERAL\s+PUBLIC\s+LICEN[CS]E", flat, re.IGNORECASE):
        before, after = flat[max(0, match.start() - 80):match.start()], flat[match.end():match.end() + 80]
        if (match.start() < 300
                or re.search(r"(terms of|under|licen[cs]ed|released|distributed)( the)?( the)? $", before, re.IGNORECASE)
                or re.search(r"as published by the Free Software Foundation", after, re.IGNORECASE)):
            title = match
            break
    if not title:
        return None
    kind = (title.group(1) or "").strip().upper()
    family = {"AFFERO": "AGPL", "LESSER": "LGPL", "LIBRARY": "LGPL"}.get(kind, "GPL")
    after = flat[title.end():title.end() + 300]
    version = re.search(r"\bversion\s+(\d(?:\.\d)?)", after, re.IGNORECASE)
    name = family
    if version:
        number = version.group(1) if "." in version.group(1) else version.group(1) + ".0"
        name += "-" + number
        if re.search(r"any later version", after, re.IGNORECASE):
            name += "-or-later"
        elif re.search(r"\bof the License\b", after[:version.end() + 40], re.IGNORECASE):
            name += "-only"  # a notice naming one version, not the licence's own title
    # The GPL's own "special exception" (system components need not come with the source)
    # is not one: only an exception that gives permission to link counts.
    if family == "GPL" and (re.search(r"(classpath|linking|GCC Runtime Library) exception", flat, re.IGNORECASE)
                            or re.search(r"special exception.{0,200}?permission to link", flat, re.IGNORECASE)):
        name += " with linking exception"
    return name


def spdx_names(text):
    """The licences of `SPDX-License-Identifier:` lines; of `A OR B`, the first alternative
    that may be linked statically (the one taken), else all of them."""
    names = []
    for expression in re.findall(r"SPDX-License-Identifier:\s*([^\n*]+)", text):
        expression = expression.strip().strip("()").strip()
        alternatives = [a.strip().strip("()").strip() for a in re.split(r"\s+OR\s+", expression)]
        chosen = next((a for a in alternatives if all(judge(n, "static") is None for n in spdx_terms(a))), None)
        for alternative in ([chosen] if chosen else alternatives):
            names += [n for n in spdx_terms(alternative) if n not in names]
    return names


def spdx_terms(expression):
    """`GPL-2.0-only WITH Classpath-exception-2.0 AND MIT` → the two licence names."""
    terms = []
    for term in re.split(r"\s+AND\s+", expression):
        licence, _, exception = term.partition(" WITH ")
        licence = licence.strip().strip("()")
        if exception.strip() and LINKING_EXCEPTION.search(exception):
            licence += " with linking exception"
        terms.append(licence)
    return terms


# MARK: - Judging


def judge(name, linking):
    """None when a licence of that name may be linked that way ('static' or 'dynamic') into
    an Apache-2.0 program, else why not (or why it cannot be told)."""
    lowered = name.lower().removesuffix("+")
    if NEVER.match(name):
        return "cannot be combined with Apache-2.0"
    if LGPL.match(name):
        return None if linking == "dynamic" else "is fine linked dynamically, but this is linked statically"
    if GPL.match(name):
        if " with " in name and LINKING_EXCEPTION.search(name.partition(" with ")[2]):
            return None
        return "cannot be combined with Apache-2.0 (GPL without a linking exception)"
    if lowered in PERMISSIVE or (lowered.startswith("bsd-") and lowered.endswith("clause")):
        return None
    return "is not a licence this check knows"


def load_decisions(path):
    """(what, licence) → reason, from a tab-separated file of decisions; `what` may be a
    glob (`*` for anything)."""
    decisions = {}
    if not path:
        return decisions
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip() or line.startswith("#"):
                continue
            row = line.rstrip("\n").split("\t")
            if len(row) != 3 or not row[2].strip():
                raise ValueError(f"{path} line {number}: a row needs 3 tab-separated columns, the last a reason")
            decisions[(row[0], row[1])] = row[2]
    return decisions


def decided(decisions, what, name):
    """The reason recorded for linking `what` under the licence `name`, if any."""
    for (pattern, licence), reason in decisions.items():
        if fnmatch.fnmatchcase(what, pattern) and licence.lower() == name.lower():
            return reason
    return None
