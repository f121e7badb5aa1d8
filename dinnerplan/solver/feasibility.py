"""Quick checks that find impossible problems before any search and say why in plain words."""

from __future__ import annotations

from dinnerplan.solver.schema import InfeasibleError, Problem


def _names(items: list[str], limit: int = 6) -> str:
    shown = ", ".join(items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def check_names(problem: Problem) -> None:
    """Every guest and table named in a rule exists, and no name is listed twice."""
    guests, tables = set(), set()
    for g in problem.guests:
        if g in guests:
            raise InfeasibleError(f"guest {g} is listed twice")
        guests.add(g)
    for t in problem.tables:
        if t.id in tables:
            raise InfeasibleError(f"table {t.id} is listed twice")
        tables.add(t.id)
    used = [("a score", g) for a, b, _ in problem.scores for g in (a, b)]
    used += [("a keep-apart pair", g) for pair in problem.apart for g in pair]
    used += [("a keep-together group", g) for grp in problem.together for g in grp]
    used += [("the fixed seats", g) for g in problem.fixed]
    used += [("the hosts", g) for g in problem.hosts]
    for where, g in used:
        if g not in guests:
            raise InfeasibleError(f"{where} names {g}, who is not on the guest list")
    for g, t in problem.fixed.items():
        if t not in tables:
            raise InfeasibleError(f"{g} must sit at table {t}, which does not exist")
    for t in problem.tables:
        if t.min < 0 or t.max < t.min:
            raise InfeasibleError(f"table {t.id} has an impossible size range {t.min}-{t.max}")
    if len(set(problem.hosts)) != len(problem.hosts):
        raise InfeasibleError("a host is listed twice")


def check_counts(problem: Problem) -> None:
    """The guests fit the tables' total seats and fill their minimum sizes."""
    n, k = len(problem.guests), len(problem.tables)
    seats = sum(t.max for t in problem.tables)
    need = sum(t.min for t in problem.tables)
    if k == 0:
        raise InfeasibleError(f"{_plural(n, 'guest')} but no tables")
    if n > seats:
        maxes = {t.max for t in problem.tables}
        size = f"of at most {maxes.pop()} seats" if len(maxes) == 1 else "with"
        raise InfeasibleError(
            f"{_plural(n, 'guest')} do not fit at {_plural(k, 'table')} {size} ({seats} seats)"
        )
    if n < need:
        if k == 1:
            msg = f"{_plural(n, 'guest')} cannot fill a table of at least {need}"
        else:
            msg = f"{_plural(n, 'guest')} cannot fill {k} tables that need at least {need} guests"
        raise InfeasibleError(msg)
    if len(problem.hosts) > k:
        raise InfeasibleError(
            f"{_plural(len(problem.hosts), 'host')} but only {_plural(k, 'table')}, "
            "and a table has at most one host"
        )


def check_groups(problem: Problem, groups: list[list[str]]) -> None:
    """Keep-together groups fit a table and agree with fixed seats, hosts and keep-apart pairs."""
    biggest = max(t.max for t in problem.tables)
    size = {t.id: t.max for t in problem.tables}
    hosts = set(problem.hosts)
    fixed_at: dict[str, int] = {}
    for group in groups:
        if len(group) > biggest:
            raise InfeasibleError(
                f"the keep-together group {_names(group)} has {len(group)} guests, "
                f"more than the largest table ({biggest} seats)"
            )
        pinned = [g for g in group if g in problem.fixed]
        for g in pinned[1:]:
            if problem.fixed[g] != problem.fixed[pinned[0]]:
                a = pinned[0]
                raise InfeasibleError(
                    f"{a} must sit at {problem.fixed[a]} and is kept together with {g}, "
                    f"who must sit at {problem.fixed[g]}"
                )
        if pinned:
            t = problem.fixed[pinned[0]]
            fixed_at[t] = fixed_at.get(t, 0) + len(group)
            if fixed_at[t] > size[t]:
                raise InfeasibleError(
                    f"{fixed_at[t]} guests must sit at {t} (fixed seats and the guests kept "
                    f"together with them) but it seats at most {size[t]}"
                )
        group_hosts = [g for g in group if g in hosts]
        if len(group_hosts) > 1:
            raise InfeasibleError(
                f"hosts {group_hosts[0]} and {group_hosts[1]} are kept together, "
                "but a table has at most one host"
            )
    node = {g: i for i, group in enumerate(groups) for g in group}
    for a, b in problem.apart:
        if a == b or node[a] == node[b]:
            raise InfeasibleError(f"{a} and {b} must be kept apart and kept together")
        if a in problem.fixed and problem.fixed.get(b) == problem.fixed[a]:
            raise InfeasibleError(
                f"{a} and {b} must be kept apart but both must sit at {problem.fixed[a]}"
            )


def check_apart_cliques(problem: Problem, groups: list[list[str]]) -> None:
    """No set of guests who must all be apart from one another outnumbers the tables."""
    node = {g: i for i, group in enumerate(groups) for g in group}
    adj: dict[int, set[int]] = {}
    for a, b in problem.apart:
        adj.setdefault(node[a], set()).add(node[b])
        adj.setdefault(node[b], set()).add(node[a])
    host_nodes = {node[h] for h in problem.hosts}
    for h in host_nodes:
        adj.setdefault(h, set()).update(host_nodes - {h})
    k = len(problem.tables)
    # Greedy clique growth from every node: cheap and catches "all pairs of this group apart".
    for start in sorted(adj, key=lambda v: -len(adj[v])):
        clique = [start]
        cands = set(adj[start])
        while cands:
            v = max(cands, key=lambda u: (len(adj[u] & cands), -u))
            clique.append(v)
            cands &= adj[v]
        if len(clique) > k:
            names = sorted(groups[v][0] for v in clique)
            raise InfeasibleError(
                f"{len(clique)} guests ({_names(names)}) must all be kept apart from one "
                f"another (keep-apart pairs and hosts) but there are only {_plural(k, 'table')}"
            )


def precheck(problem: Problem, groups: list[list[str]]) -> None:
    """Raise InfeasibleError with a reason for every cheaply detectable impossibility."""
    check_groups(problem, groups)
    check_apart_cliques(problem, groups)
