import { nameMatchTier, typedWords } from '../../../../shared/domain/text-match';

interface UnitOption {
  name: string;
  parentName: string | null;
}

/**
 * `filterOptions` for the Party-cell filter: a unit is found by its full name whatever the diacritics
 * («Chi bộ thôn 3», "chi bo thon 3", "thon 3"), the name as typed first, then the words in order, then
 * anywhere, then through the organisation above it; the units list's order within each.
 */
export function filterUnits<T extends UnitOption>(options: readonly T[], state: { inputValue: string }): T[] {
  const typed = typedWords(state.inputValue);
  if (typed.length === 0) return [...options];
  const tierOf = (u: T) => nameMatchTier(typed, u.name) || (u.parentName && nameMatchTier(typed, `${u.name} ${u.parentName}`) ? 4 : 0);
  return options
    .map((u, i) => ({ u, i, tier: tierOf(u) }))
    .filter((x) => x.tier > 0)
    .sort((a, b) => a.tier - b.tier || a.i - b.i)
    .map((x) => x.u);
}
