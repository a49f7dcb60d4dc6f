// The projection behind forecastCreditBalance, in whole units of one scale.
//
// Day by day, usage is taken from the grants usable that day in consumption
// order, and whatever a grant holds after its expiry day lapses. Simulated a
// day at a time, 20-digit balances against a tiny rate would take years of
// loop; instead the days are cut into stretches in which the set of usable
// grants does not change (a stretch ends the day before a grant joins, or on
// the day one expires), and each stretch is solved at once: over `n` days it
// takes min(held, n × usage) from its grants in order, which is exactly what
// n single days take, since each day only moves on to the next grant once the
// one before is empty. A stretch costs O(grants), and there are at most
// 2 × grants + 1 of them, whatever the horizon.

/** A grant as the projection sees it: what it holds and the days it is usable (inclusive; ±∞ when open). */
export interface ProjectedGrant<Source> {
  source: Source;
  units: bigint;
  effective: number;
  expiry: number;
}

/** What a grant still held when its last usable day ended. */
export interface ProjectedLapse<Source> {
  source: Source;
  units: bigint;
  day: number;
}

/** The balance usable on `day` (Sequence's reading: effective and not yet expired) at that day's end. */
export interface ProjectedPoint {
  day: number;
  units: bigint;
}

export interface Projection<Source> {
  /** What the grants usable today hold now (today's usage is not projected). */
  unitsToday: bigint;
  /** The first day from tomorrow whose usage is not fully covered, or `null` within the horizon. */
  firstUncovered: number | null;
  /** What was usable at the start of `firstUncovered` (less than a day's usage; zero when nothing was). */
  unitsAtFirstUncovered: bigint;
  /** After `firstUncovered`, the first day on which some credit is usable again. */
  resumesOn: number | null;
  /** Credit lapsing unused, from today to the horizon, in the order it lapses. */
  lapses: ProjectedLapse<Source>[];
  /** End-of-day balances on the days the line bends; straight between two points. */
  points: ProjectedPoint[];
}

/**
 * Projects `usage` units a day from `today + 1` through `horizonEnd` over
 * `grants`, given in consumption order (they are not reordered).
 */
export function projectConsumption<Source>(
  grants: readonly ProjectedGrant<Source>[],
  today: number,
  horizonEnd: number,
  usage: bigint,
): Projection<Source> {
  const held = grants.map((grant) => ({ ...grant }));
  const usableOn = (grant: ProjectedGrant<Source>, day: number) => grant.units > 0n && grant.effective <= day && day <= grant.expiry;
  const sum = (list: readonly ProjectedGrant<Source>[]) => list.reduce((total, grant) => total + grant.units, 0n);

  const unitsToday = sum(held.filter((grant) => usableOn(grant, today)));
  const points: ProjectedPoint[] = [{ day: today, units: unitsToday }];
  const lapses: ProjectedLapse<Source>[] = [];
  // Credit whose last day is today lapses tonight, except for what today's
  // usage takes, which is not known yet: the forecast starts tomorrow. Credit
  // whose last day has passed is gone and not reported.
  for (const grant of held) {
    if (grant.expiry === today && grant.units > 0n) lapses.push({ source: grant.source, units: grant.units, day: today });
    if (grant.expiry <= today) grant.units = 0n;
  }

  let firstUncovered: number | null = null;
  let unitsAtFirstUncovered = 0n;
  let resumesOn: number | null = null;
  for (let day = today + 1; day <= horizonEnd; ) {
    let end = horizonEnd;
    for (const grant of held) {
      if (grant.units === 0n) continue;
      if (grant.expiry >= day && grant.expiry < end) end = grant.expiry;
      if (grant.effective > day && grant.effective - 1 < end) end = grant.effective - 1;
    }
    const usable = held.filter((grant) => usableOn(grant, day));
    const start = sum(usable);
    const days = BigInt(end - day + 1);

    if (firstUncovered === null) {
      // Day `day + k` starts with start − k × usage; the first below a day's usage is k = ⌊start / usage⌋.
      const coveredDays = usage > 0n ? start / usage : days;
      if (coveredDays < days) {
        firstUncovered = day + Number(coveredDays);
        unitsAtFirstUncovered = start % usage;
      }
    } else if (resumesOn === null && start > 0n) {
      // Within the stretch that ran out nothing is left, so credit is back only with a grant that joins.
      resumesOn = day;
    }

    points.push(...stretchPoints(day, end, start, usage));

    let take = usage * days < start ? usage * days : start;
    for (const grant of usable) {
      if (take === 0n) break;
      const used = grant.units < take ? grant.units : take;
      grant.units -= used;
      take -= used;
    }
    for (const grant of held) {
      if (grant.expiry === end && grant.units > 0n) {
        lapses.push({ source: grant.source, units: grant.units, day: end });
        grant.units = 0n;
      }
    }
    day = end + 1;
  }
  return { unitsToday, firstUncovered, unitsAtFirstUncovered, resumesOn, lapses, points };
}

/**
 * The end-of-day balances of a stretch where bends can be: its first and last
 * days, and the last day with credit and the first without. Day `day + j`
 * ends with max(0, start − (j + 1) × usage), a straight line down to zero,
 * then flat.
 */
function stretchPoints(day: number, end: number, start: bigint, usage: bigint): ProjectedPoint[] {
  const last = end - day;
  const offsets = new Set([0, last]);
  if (usage > 0n) {
    // The first j with (j + 1) × usage ≥ start: ⌈start / usage⌉ − 1.
    // Kept in BigInt: with 20-digit balances it can be far beyond Number's exact range.
    const firstEmpty = (start + usage - 1n) / usage - 1n;
    for (const offset of [firstEmpty - 1n, firstEmpty]) if (offset > 0n && offset < BigInt(last)) offsets.add(Number(offset));
  }
  return [...offsets]
    .sort((a, b) => a - b)
    .map((offset) => {
      const left = start - BigInt(offset + 1) * usage;
      return { day: day + offset, units: left > 0n ? left : 0n };
    });
}
