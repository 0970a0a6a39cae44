// The chips of what a chat understood. Each chip carries text the message parser reads back to the same filter, so
// removing one re-runs the search as the message made of the chips that remain.
import type { Understood } from '../api/types';

export interface Chip {
  key: string;
  kind: 'industry' | 'filter' | 'exclude' | 'not-applicable';
  label: string;
  text: string;
}

const ENTITY_TYPES: Record<string, string> = {
  private_limited: 'Pte Ltd',
  llp: 'LLP',
  sole_proprietorship: 'sole proprietorships',
  partnership: 'partnerships',
  foreign_company: 'foreign companies',
  public_company: 'public companies',
};

const year = (date: string) => Number(date.slice(0, 4));

export function understoodChips(understood: Understood): Chip[] {
  const chips: Chip[] = [];
  const terms = new Set<string>();
  for (const industry of understood.industries) {
    if (terms.has(industry.term)) continue;
    terms.add(industry.term);
    const headings = understood.industries.filter((i) => i.term === industry.term);
    const label = headings.length === 1 ? `${industry.title} (${industry.level} ${industry.code})` : `${industry.term} (${headings.length} headings)`;
    chips.push({ key: `industry:${industry.term}`, kind: 'industry', label, text: industry.term });
  }

  const f = understood.filters;
  for (const district of f.districts) {
    chips.push({ key: `district:${district}`, kind: 'filter', label: `D${district}`, text: `D${district}` });
  }
  if (f.officers) {
    const { min, max } = f.officers;
    const text = min !== null && max !== null ? `${min}-${max} officers` : min !== null ? `at least ${min} officers` : `at most ${max} officers`;
    chips.push({ key: 'officers', kind: 'filter', label: text, text });
  }
  if (f.incorporated) {
    const { from, to } = f.incorporated;
    // The parser's ranges are whole years: from 1 January, to 31 December.
    const parts = [from ? `since ${year(from)}` : '', to ? `before ${year(to) + 1}` : ''].filter(Boolean);
    const text = `incorporated ${parts.join(' and ')}`;
    chips.push({ key: 'incorporated', kind: 'filter', label: text, text });
  }
  if (f.age_years) {
    const { min, max } = f.age_years;
    const parts = [min !== null ? `at least ${min} years old` : '', max !== null ? `less than ${max} years old` : ''].filter(Boolean);
    parts.forEach((text) => chips.push({ key: `age:${text}`, kind: 'filter', label: text, text }));
  }
  for (const type of f.entity_types) {
    const text = ENTITY_TYPES[type] ?? type;
    chips.push({ key: `type:${type}`, kind: 'filter', label: text, text });
  }
  if (f.statuses.length === 0) chips.push({ key: 'status', kind: 'filter', label: 'any status', text: 'any status' });
  else if (f.statuses.includes('inactive')) chips.push({ key: 'status', kind: 'filter', label: 'no longer live', text: 'struck off' });
  for (const phrase of f.exclude) {
    chips.push({ key: `exclude:${phrase}`, kind: 'exclude', label: `except ${phrase}`, text: `except ${phrase}` });
  }
  for (const what of f.not_applicable) {
    chips.push({ key: `na:${what}`, kind: 'not-applicable', label: `${what}: not in the registry`, text: '' });
  }
  return chips;
}

// Industries first, then the filters, exclusions last (an exclusion reads to the end of its clause).
export function messageWithout(chips: Chip[], removed: string): string {
  const kept = chips.filter((c) => c.key !== removed && c.text);
  const industries = kept.filter((c) => c.kind === 'industry').map((c) => c.text);
  const filters = kept.filter((c) => c.kind === 'filter').map((c) => c.text);
  const excludes = kept.filter((c) => c.kind === 'exclude').map((c) => c.text);
  return [industries.join(', '), ...filters, ...excludes].filter(Boolean).join(', ');
}
