import type { Connection } from '@tandem/contracts';
import { clsx } from 'clsx';
import { CircleCheck, TriangleAlert } from 'lucide-react';
import type { ReactNode } from 'react';
import { formatDay } from './oauth-outcome';

/** A grant ending within this many days is announced as ending soon. */
const SOON_DAYS = 14;

/** How long the connection lasts, in plain words. The access token's expiry is never shown. */
function lifetime(connection: Connection, now: Date): { text: string; soon: boolean } {
  if (connection.kind !== 'oauth2') {
    return { text: 'Using an API key. It works until someone revokes it in Rally.', soon: false };
  }
  if (!connection.expiresAt) {
    return {
      text: 'Rally does not say when this permission ends. It stays valid while Tandem uses it: Tandem renews its access by itself, so there is nothing to do unless someone withdraws it in Rally.',
      soon: false,
    };
  }
  const day = formatDay(connection.expiresAt);
  const daysLeft = (Date.parse(connection.expiresAt) - now.getTime()) / 86_400_000;
  return daysLeft < SOON_DAYS
    ? {
        text: `Rally’s permission ends on ${day}. Connect again before then to keep syncing.`,
        soon: true,
      }
    : {
        text: `Rally’s permission lasts until ${day}. Tandem renews its access by itself until then; connect again before that day to keep syncing.`,
        soon: false,
      };
}

/**
 * Who Tandem is connected to Rally as, since when, and until when — or that Rally no longer
 * accepts the connection and it has to be made again.
 */
export function ConnectionStatus({
  connection,
  note,
  now = new Date(),
}: {
  connection: Connection;
  /** A line about where the connection comes from. */
  note?: ReactNode;
  now?: Date;
}) {
  const who = connection.connectedAs ?? 'a Rally user';
  const since = connection.connectedAt ? ` on ${formatDay(connection.connectedAt)}` : '';
  const how = connection.kind === 'oauth2' ? 'with Rally’s sign-in' : 'with an API key';
  const { text, soon } = lifetime(connection, now);
  const broken = connection.needsReauthorization;
  const warn = broken || soon;
  const Icon = warn ? TriangleAlert : CircleCheck;
  return (
    <div
      role="status"
      className={clsx(
        'flex items-start gap-3 rounded-lg border px-4 py-3 text-sm',
        warn
          ? 'border-amber-200 bg-amber-50 text-amber-950'
          : 'border-emerald-200 bg-emerald-50 text-emerald-900',
      )}
    >
      <Icon
        className={clsx('mt-0.5 size-5 shrink-0', warn ? 'text-amber-600' : 'text-emerald-600')}
        aria-hidden="true"
      />
      <div className="space-y-1">
        <p className="font-medium">
          {broken ? 'Rally no longer accepts this connection' : `Connected to Rally as ${who}`}
        </p>
        <p className="text-[13px]">
          {broken
            ? `It was made as ${who}${since}. Connect again to resume sending and receiving.`
            : `Connected${since} ${how}.`}
        </p>
        {broken ? null : <p className="text-[13px]">{text}</p>}
        {note ? <p className="text-[13px]">{note}</p> : null}
      </div>
    </div>
  );
}
