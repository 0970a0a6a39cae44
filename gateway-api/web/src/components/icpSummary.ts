// Short texts for an ICP profile: the level of an SSIC code, and a one-line summary for the chat's confirmation.
import type { IcpOptions, IcpProfile } from '../api/types';

/** "section" for a letter, then division, group, class and subclass for 2 to 5 digits (SSIC 2020's levels). */
export function ssicLevel(code: string): string {
  if (/^[A-Za-z]$/.test(code)) return 'section';
  return ['division', 'group', 'class', 'subclass'][code.length - 2] ?? 'code';
}

function band(min: number | null, max: number | null, unit: string): string | null {
  if (min !== null && max !== null) return `${min}-${max} ${unit}`;
  if (min !== null) return `at least ${min} ${unit}`;
  if (max !== null) return `at most ${max} ${unit}`;
  return null;
}

/** The entity types of a profile by their names ("Private limited company") where a whole type is there, else as stored. */
export function entityTypeNames(stored: string[], options: IcpOptions | null): string[] {
  const has = (d: string) => stored.some((s) => s.toLowerCase() === d.toLowerCase());
  const whole = options?.entity_types.filter((t) => t.descriptions.every(has)) ?? [];
  const covered = whole.flatMap((t) => t.descriptions.map((d) => d.toLowerCase()));
  return [...whole.map((t) => t.label), ...stored.filter((s) => !covered.includes(s.toLowerCase()))];
}

/** The parts of a profile worth naming, e.g. ["section C", "D22", "at least 2 officers", "at most 35 years old"]. */
export function summariseProfile(p: IcpProfile, options: IcpOptions | null = null): string[] {
  const w = p.weights;
  return [
    p.target_ssic_codes.length ? p.target_ssic_codes.map((c) => `${ssicLevel(c)} ${c}`).join(', ') : 'the industries each search names',
    p.districts.length ? p.districts.map((d) => `D${d}`).join(', ') : 'any district',
    band(p.min_officers, p.max_officers, 'officers') ?? 'any size',
    band(p.min_age_years, p.max_age_years, 'years old') ?? 'any age',
    p.entity_types.length ? entityTypeNames(p.entity_types, options).join(', ') : 'any entity type',
    p.statuses.length ? p.statuses.join(', ') : 'live entities',
    `weights ${w.industry}/${w.status}/${w.age}/${w.size}/${w.district}/${w.entity_type}`,
  ];
}
