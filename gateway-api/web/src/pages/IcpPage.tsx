import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, errorMessage, isAbort } from '../api/client';
import { getIcp, getIcpOptions, putIcp } from '../api/endpoints';
import type { IcpOptions, IcpProfile, IcpWeights, IndustrySuggestion } from '../api/types';
import { IndustryInput } from '../components/IndustryInput';
import { ssicLevel } from '../components/icpSummary';
import { href } from '../router';

type WeightKey = keyof IcpWeights;

const WEIGHTS: { key: WeightKey; label: string }[] = [
  { key: 'industry', label: 'Industry weight' },
  { key: 'status', label: 'Status weight' },
  { key: 'age', label: 'Age weight' },
  { key: 'size', label: 'Size weight' },
  { key: 'district', label: 'District weight' },
  { key: 'entity_type', label: 'Entity type weight' },
];

interface Form {
  codes: string[];
  minAge: string;
  maxAge: string;
  minOfficers: string;
  maxOfficers: string;
  entityTypes: string[];
  statuses: string[];
  districts: string[];
  weights: Record<WeightKey, string>;
}

const text = (n: number | null) => (n === null ? '' : String(n));
const number = (s: string) => (s.trim() === '' ? null : Number(s));
const has = (list: string[], value: string) => list.some((v) => v.toLowerCase() === value.toLowerCase());

function toForm(p: IcpProfile): Form {
  return {
    codes: p.target_ssic_codes,
    minAge: text(p.min_age_years),
    maxAge: text(p.max_age_years),
    minOfficers: text(p.min_officers),
    maxOfficers: text(p.max_officers),
    entityTypes: p.entity_types,
    statuses: p.statuses,
    districts: p.districts,
    weights: Object.fromEntries(WEIGHTS.map((w) => [w.key, String(p.weights[w.key])])) as Record<WeightKey, string>,
  };
}

function toProfile(f: Form): IcpProfile {
  return {
    target_ssic_codes: f.codes,
    min_age_years: number(f.minAge),
    max_age_years: number(f.maxAge),
    entity_types: f.entityTypes,
    statuses: f.statuses,
    min_officers: number(f.minOfficers),
    max_officers: number(f.maxOfficers),
    districts: f.districts,
    weights: Object.fromEntries(WEIGHTS.map((w) => [w.key, number(f.weights[w.key])])) as unknown as IcpWeights,
  };
}

/**
 * The field a problem names, as the form groups them: "districts[3]" → "districts", "$.min_age_years" (a JSON
 * error) → "min_age_years"; "weights.age" stays as it is.
 */
export function fieldKey(field: string): string {
  return field.replace(/^\$\./, '').replace(/\[\d+\]/g, '');
}

// The problem's field names the keys below; anything else is shown above the form.
const KNOWN_FIELDS = new Set([
  'target_ssic_codes', 'min_age_years', 'max_age_years', 'min_officers', 'max_officers', 'entity_types', 'statuses', 'districts',
  'weights', ...WEIGHTS.map((w) => `weights.${w.key}`),
]);

export function IcpPage() {
  const [form, setForm] = useState<Form | null>(null);
  const [options, setOptions] = useState<IcpOptions | null>(null);
  const [titles, setTitles] = useState<Record<string, string>>({});
  const [query, setQuery] = useState('');
  const [loadError, setLoadError] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ field: string | null; message: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    Promise.all([getIcp(controller.signal), getIcpOptions(controller.signal)])
      .then(([profile, opts]) => {
        setForm(toForm(profile));
        setOptions(opts);
      })
      .catch((e) => {
        if (!isAbort(e)) setLoadError(errorMessage(e));
      });
    return () => controller.abort();
  }, []);

  // A field the server refused may be off screen (the button is at the foot of the form): bring it into view.
  useEffect(() => {
    if (errors?.field) document.querySelector(`[data-field="${errors.field}"]`)?.scrollIntoView({ block: 'center' });
  }, [errors]);

  if (loadError) return <Shell><div className="callout callout-error" role="alert">{loadError}</div></Shell>;
  if (!form || !options) return <Shell><p className="muted">Loading…</p></Shell>;

  const edit = (change: Partial<Form>) => {
    setForm({ ...form, ...change });
    setSaved(false);
  };
  const errorOf = (key: string) => (errors?.field === key ? errors.message : undefined);

  const addCode = (item: IndustrySuggestion) => {
    setTitles((t) => ({ ...t, [item.code]: item.title }));
    if (!form.codes.includes(item.code)) edit({ codes: [...form.codes, item.code] });
    setQuery('');
  };

  const toggle = (list: string[], values: string[], on: boolean, keep: string[] = []) =>
    on ? [...list, ...values.filter((v) => !has(list, v))] : list.filter((v) => !has(values, v) || has(keep, v));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setErrors(null);
    setSaved(false);
    try {
      const stored = await putIcp(toProfile(form));
      setForm(toForm(stored));
      setSaved(true);
    } catch (err) {
      const field = err instanceof ApiError && err.problem?.field ? fieldKey(err.problem.field) : null;
      const message = err instanceof ApiError && err.problem?.detail ? err.problem.detail : errorMessage(err);
      setErrors({ field: field && KNOWN_FIELDS.has(field) ? field : null, message });
    } finally {
      setSaving(false);
    }
  };

  // Entity types the form offers as types; a stored description no type covers is offered on its own.
  const typeDescriptions = options.entity_types.flatMap((t) => t.descriptions);
  const otherTypes = form.entityTypes.filter((v) => !has(typeDescriptions, v));
  const otherStatuses = form.statuses.filter((v) => !options.statuses.some((s) => s.description.toLowerCase() === v.toLowerCase()));

  return (
    <Shell>
      <form className="icp-form" onSubmit={submit} noValidate aria-label="ICP profile">
        {errors && errors.field === null && (
          <div className="callout callout-error" role="alert">
            {errors.message}
          </div>
        )}

        <section className="card icp-section" aria-labelledby="icp-industries">
          <h2 id="icp-industries">Target industries</h2>
          <p className="hint">SSIC sections, divisions, groups, classes or codes; none means the industries each search names.</p>
          <ul className="understood-chips icp-codes" aria-label="Target industries">
            {form.codes.map((code) => (
              <li key={code} className="understood-chip">
                <span>
                  {titles[code] ? `${titles[code]} (${ssicLevel(code)} ${code})` : `${ssicLevel(code)} ${code}`}
                </span>
                <button type="button" className="chip-remove" aria-label={`Remove ${code}`} onClick={() => edit({ codes: form.codes.filter((c) => c !== code) })}>
                  ×
                </button>
              </li>
            ))}
            {form.codes.length === 0 && <li className="muted small">No target industries: each search's own.</li>}
          </ul>
          <Field name="target_ssic_codes" error={errorOf('target_ssic_codes')}>
            <IndustryInput id="icp-industry" label="Add target industry" value={query} onChange={setQuery} onPick={addCode} placeholder="Type an industry, e.g. Manufacturing" />
          </Field>
        </section>

        <section className="card icp-section" aria-labelledby="icp-bands">
          <h2 id="icp-bands">Age and size</h2>
          <div className="icp-grid">
            <NumberField id="icp-min-age" name="min_age_years" label="Minimum age (years)" value={form.minAge} onChange={(v) => edit({ minAge: v })} error={errorOf('min_age_years')} />
            <NumberField id="icp-max-age" name="max_age_years" label="Maximum age (years)" value={form.maxAge} onChange={(v) => edit({ maxAge: v })} error={errorOf('max_age_years')} />
            <NumberField id="icp-min-officers" name="min_officers" label="Minimum officers" value={form.minOfficers} onChange={(v) => edit({ minOfficers: v })} error={errorOf('min_officers')} />
            <NumberField id="icp-max-officers" name="max_officers" label="Maximum officers" value={form.maxOfficers} onChange={(v) => edit({ maxOfficers: v })} error={errorOf('max_officers')} />
          </div>
          <p className="hint">Empty means no bound. Officers stand in for size: the registry has no headcount.</p>
        </section>

        <section className="card icp-section">
          <Group name="entity_types" legend="Entity types" hint="None ticked: any type (companies score best)." error={errorOf('entity_types')}>
            {options.entity_types.map((t) => (
              <Check
                key={t.code}
                label={t.label}
                detail={t.descriptions.join(' · ')}
                checked={t.descriptions.every((d) => has(form.entityTypes, d))}
                // A description two types share stays while the other type is still ticked.
                onChange={(on) => {
                  const others = options.entity_types.filter((o) => o !== t && o.descriptions.every((d) => has(form.entityTypes, d)));
                  edit({ entityTypes: toggle(form.entityTypes, t.descriptions, on, others.flatMap((o) => o.descriptions)) });
                }}
              />
            ))}
            {otherTypes.map((v) => (
              <Check key={v} label={v} checked onChange={() => edit({ entityTypes: form.entityTypes.filter((x) => x !== v) })} />
            ))}
          </Group>
        </section>

        <section className="card icp-section">
          <Group name="statuses" legend="Statuses" hint="None ticked: live entities (the default)." error={errorOf('statuses')}>
            {options.statuses.map((s) => (
              <Check
                key={s.description}
                label={s.description}
                detail={s.live ? 'live' : undefined}
                checked={has(form.statuses, s.description)}
                onChange={(on) => edit({ statuses: toggle(form.statuses, [s.description], on) })}
              />
            ))}
            {otherStatuses.map((v) => (
              <Check key={v} label={v} checked onChange={() => edit({ statuses: form.statuses.filter((x) => x !== v) })} />
            ))}
          </Group>
        </section>

        <section className="card icp-section">
          <Group name="districts" legend="Districts" hint="None ticked: any district." error={errorOf('districts')} wide>
            {options.districts.map((d) => (
              <Check
                key={d.code}
                label={`D${d.code} ${d.places}`}
                checked={form.districts.includes(d.code)}
                onChange={(on) => edit({ districts: on ? [...form.districts, d.code].sort() : form.districts.filter((x) => x !== d.code) })}
              />
            ))}
          </Group>
        </section>

        <section className="card icp-section" aria-labelledby="icp-weights">
          <h2 id="icp-weights">Weights</h2>
          <p className="hint">How much each factor counts, 0-100 each; they are relative (a score is the weighted mean of the factors).</p>
          {errorOf('weights') && <FieldError id="icp-error-weights" message={errorOf('weights')!} />}
          <div className="icp-grid icp-grid-6">
            {WEIGHTS.map((w) => (
              <NumberField
                key={w.key}
                id={`icp-weight-${w.key}`}
                name={`weights.${w.key}`}
                label={w.label}
                value={form.weights[w.key]}
                onChange={(v) => edit({ weights: { ...form.weights, [w.key]: v } })}
                error={errorOf(`weights.${w.key}`)}
              />
            ))}
          </div>
        </section>

        <div className="icp-actions">
          <button type="submit" className="button-primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save ICP'}
          </button>
          <span role="status" className="muted">
            {saved ? 'Saved. Scores from now on are measured against this profile.' : ''}
          </span>
        </div>
      </form>
    </Shell>
  );
}

function Shell({ children }: { children: ReactNode }) {
  return (
    <div className="icp">
      <div className="page-head">
        <h1>ICP</h1>
        <p className="muted">
          Your ideal customer profile: every lead score is measured against it. Save one from a chat answer with “Save as my ICP” on the{' '}
          <a href={href('chat')}>Chat</a> page.
        </p>
      </div>
      {children}
    </div>
  );
}

function FieldError({ id, message }: { id: string; message: string }) {
  return (
    <p id={id} className="field-error" role="alert">
      {message}
    </p>
  );
}

function Field({ name, error, children }: { name: string; error?: string; children: ReactNode }) {
  return (
    <div className="icp-field" data-field={name} data-invalid={error ? 'true' : undefined}>
      {children}
      {error && <FieldError id={`icp-error-${name}`} message={error} />}
    </div>
  );
}

interface NumberFieldProps {
  id: string;
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

function NumberField({ id, name, label, value, onChange, error }: NumberFieldProps) {
  const errorId = `icp-error-${name}`;
  return (
    <div className="icp-field" data-field={name} data-invalid={error ? 'true' : undefined}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={0}
        step={1}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      {error && <FieldError id={errorId} message={error} />}
    </div>
  );
}

interface GroupProps {
  name: string;
  legend: string;
  hint: string;
  error?: string;
  wide?: boolean;
  children: ReactNode;
}

function Group({ name, legend, hint, error, wide, children }: GroupProps) {
  const errorId = `icp-error-${name}`;
  return (
    <fieldset className="icp-group" data-field={name} data-invalid={error ? 'true' : undefined} aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      <p className="hint">{hint}</p>
      <div className={wide ? 'icp-checks icp-checks-wide' : 'icp-checks'}>{children}</div>
      {error && <FieldError id={errorId} message={error} />}
    </fieldset>
  );
}

function Check({ label, detail, checked, onChange }: { label: string; detail?: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <label className="icp-check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>
        {label}
        {detail && <span className="muted small"> · {detail}</span>}
      </span>
    </label>
  );
}
