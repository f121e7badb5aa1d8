"""After the solver: move or swap guests so more of those who can be helped sit with a helper.

The solver maximises pair scores; a guest's best pair can be a fit of intents rather than a
need met, so a few guests who could be helped end up without a helper at their table. This
local search fixes that directly, never breaking a hard rule: table sizes, keep-apart pairs,
fixed seats (locks, hosts) and keep-together groups (whose guests it leaves in place).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping


class HelpPolisher:
    """Greedy moves and swaps, each accepted only when more helpable guests end up helped."""

    def __init__(self, scores, limits: Mapping[int, tuple[int, int]], frozen: Iterable[int]):
        self.scores = scores
        self.limits = limits
        self.frozen = set(frozen)
        self.apart = {frozenset((int(a), int(b))) for a, b in scores.apart}

    def helped(self, guest: int, members: Iterable[int]) -> bool:
        """True when someone else in `members` offers what `guest` needs."""
        return any(m != guest and self.scores.helps(str(m), str(guest)) for m in members)

    def _count(self, members: list[int]) -> int:
        return sum(
            1 for g in members if self.scores.can_be_helped(str(g)) and self.helped(g, members)
        )

    def _ok(self, guest: int, members: list[int]) -> bool:
        return not any(frozenset((guest, m)) in self.apart for m in members if m != guest)

    def _score(self, members: list[int]) -> float:
        return sum(
            self.scores.score(str(a), str(b))
            for i, a in enumerate(members)
            for b in members[i + 1 :]
        )

    def _options(self, tables, g: int, src: int, dst: int):
        """Yield (new src members, new dst members) for moving g to dst or swapping."""
        a, b = [m for m in tables[src] if m != g], tables[dst]
        if len(a) >= self.limits[src][0] and len(b) < self.limits[dst][1] and self._ok(g, b):
            yield a, [*b, g]
        for h in b:
            if h in self.frozen:
                continue
            rest = [m for m in b if m != h]
            if self._ok(g, rest) and self._ok(h, a):
                yield [*a, h], [*rest, g]

    def improve(self, seating: Mapping[int, int], rounds: int = 5) -> dict[int, int]:
        """Return a seating {guest: table} with at least as many helped guests."""
        tables: dict[int, list[int]] = {t: [] for t in self.limits}
        for g, t in sorted(seating.items()):
            tables[t].append(g)
        for _ in range(rounds):
            changed = False
            for g in sorted(seating):
                src = next(t for t, ms in tables.items() if g in ms)
                if g in self.frozen or not self.scores.can_be_helped(str(g)):
                    continue
                if self.helped(g, tables[src]):
                    continue
                changed |= self._help(tables, g, src)
            if not changed:
                break
        return {g: t for t, ms in tables.items() for g in ms}

    def _candidates(self, tables, g: int, src: int):
        """Yield (table, new src members, new table members): g joins a helper, or one comes."""
        for dst, members in tables.items():
            if dst == src:
                continue
            if self.helped(g, members):
                for new_src, new_dst in self._options(tables, g, src, dst):
                    yield dst, new_src, new_dst
            for helper in members:
                if helper not in self.frozen and self.scores.helps(str(helper), str(g)):
                    for new_dst, new_src in self._options(tables, helper, dst, src):
                        if g in new_src:
                            yield dst, new_src, new_dst

    def _help(self, tables, g: int, src: int) -> bool:
        """Seat g with a helper if that helps more guests overall; return True if done."""
        best = None
        base = {t: (self._count(ms), self._score(ms)) for t, ms in tables.items()}
        for dst, new_src, new_dst in self._candidates(tables, g, src):
            gain = self._count(new_src) + self._count(new_dst) - base[src][0] - base[dst][0]
            loss = base[src][1] + base[dst][1] - self._score(new_src) - self._score(new_dst)
            if gain > 0 and (best is None or (gain, -loss) > (best[0], -best[1])):
                best = (gain, loss, dst, new_src, new_dst)
        if best is None:
            return False
        _, _, dst, new_src, new_dst = best
        tables[src], tables[dst] = new_src, new_dst
        return True
