import type { Connection, ConnectorPresentation } from '@tandem/contracts';
import { clsx } from 'clsx';
import { CircleCheck, TriangleAlert } from 'lucide-react';
import type { ReactNode } from 'react';
import { formatDay } from './oauth-outcome';
import { plainText } from './rich-text';

type ConnectionWords = ConnectorPresentation['authorize']['connection'];

/** A grant ending within this many days is announced as ending soon. */
const SOON_DAYS = 14;

/** How long the connection lasts, in plain words. The access token's expiry is never shown. */
function lifetime(
  connection: Connection,
  words: ConnectionWords,
  now: Date,
): { text: string; soon: boolean } {
  if (connection.kind !== 'oauth2') return { text: words.secretLifetime, soon: false };
  if (!connection.expiresAt) return { text: words.noExpiry, soon: false };
  const day = formatDay(connection.expiresAt);
  const daysLeft = (Date.parse(connection.expiresAt) - now.getTime()) / 86_400_000;
  return daysLeft < SOON_DAYS
    ? { text: plainText(words.endsSoon, { day }), soon: true }
    : { text: plainText(words.endsOn, { day }), soon: false };
}

/**
 * Who Tandem is connected to the remote system as, since when, and until when — or that the
 * system no longer accepts the connection and it has to be made again. In the system's words.
 */
export function ConnectionStatus({
  connection,
  words,
  note,
  now = new Date(),
}: {
  connection: Connection;
  words: ConnectionWords;
  /** A line about where the connection comes from. */
  note?: ReactNode;
  now?: Date;
}) {
  const who = connection.connectedAs ?? words.unknownUser;
  const since = connection.connectedAt ? ` on ${formatDay(connection.connectedAt)}` : '';
  const how = connection.kind === 'oauth2' ? words.oauthHow : words.secretHow;
  const { text, soon } = lifetime(connection, words, now);
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
          {broken ? words.rejected : plainText(words.connectedAs, { who })}
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
