import { CircleAlert, ScrollText } from 'lucide-react';
import { Link } from 'react-router';

/** Why the last send failed, with the way to the log entry that has the whole exchange. */
export function LinkError({
  integrationName,
  message,
  logHref,
}: {
  integrationName: string;
  message: string | null;
  logHref: string | null;
}) {
  return (
    <div
      role="alert"
      className="mt-2 flex gap-2.5 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-[13px] text-red-800"
    >
      <CircleAlert className="mt-px size-4 shrink-0 text-red-600" aria-hidden="true" />
      <div className="min-w-0 flex-1">
        <p className="font-medium">Could not send to {integrationName}</p>
        <p className="mt-0.5 break-words text-red-700">
          {message ?? 'The remote refused the record. The log has the details.'}
        </p>
        {logHref ? (
          <Link
            to={logHref}
            className="mt-1 inline-flex items-center gap-1 font-medium text-red-800 underline decoration-red-300 underline-offset-2 hover:decoration-red-600"
          >
            <ScrollText className="size-3.5" aria-hidden="true" />
            View log entry
          </Link>
        ) : null}
      </div>
    </div>
  );
}
