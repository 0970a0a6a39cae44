import { useState } from 'react';
import { errorMessage } from '../api/client';
import { getIcpOptions, saveUnderstoodAsIcp } from '../api/endpoints';
import type { IcpFromUnderstanding, IcpOptions, Understood } from '../api/types';
import { href } from '../router';
import { summariseProfile } from './icpSummary';

/** "Save as my ICP" on a chat answer: stores what it understood as the tenant's profile and says what was saved. */
export function SaveAsIcp({ understood }: { understood: Understood }) {
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  const [saved, setSaved] = useState<IcpFromUnderstanding | null>(null);
  const [options, setOptions] = useState<IcpOptions | null>(null);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    setState('saving');
    setError(null);
    try {
      // The options only name the entity types in the confirmation; without them it shows the stored descriptions.
      const [result, opts] = await Promise.all([saveUnderstoodAsIcp(understood), getIcpOptions().catch(() => null)]);
      setSaved(result);
      setOptions(opts);
      setState('saved');
    } catch (e) {
      setError(errorMessage(e));
      setState('error');
    }
  };

  return (
    <div className="save-icp">
      <button type="button" className="button-small button-ghost" onClick={() => void save()} disabled={state === 'saving'}>
        {state === 'saving' ? 'Saving…' : 'Save as my ICP'}
      </button>
      {state === 'saved' && saved && (
        <div className="save-icp-done small" role="status" aria-label="Saved ICP">
          <span className="strong">Saved as your ICP:</span> {summariseProfile(saved.profile, options).join(' · ')}.{' '}
          {saved.not_carried.length > 0 && <span className="muted">Not carried: {saved.not_carried.join('; ')}. </span>}
          <a href={href('icp')}>Open the ICP page →</a>
        </div>
      )}
      {state === 'error' && error && (
        <p className="error-text small" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
