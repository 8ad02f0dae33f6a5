/**
 * The seed's *Exclude child updates*, in plain words: what happens to a linked record when
 * someone in Rally moves it into a child project of the chosen one.
 */
export function ExcludeChildUpdates({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-zinc-50/60 px-4 py-3">
      <label className="flex items-start gap-3 text-sm">
        <input
          type="checkbox"
          className="mt-1"
          checked={checked}
          aria-describedby="exclude-child-updates-help"
          onChange={(e) => onChange(e.target.checked)}
        />
        <span className="font-medium text-zinc-900">Exclude child updates</span>
      </label>
      <div
        id="exclude-child-updates-help"
        className="mt-2 ml-7 space-y-1.5 text-[13px] text-zinc-600"
      >
        <p>
          Rally projects can have child projects. <strong>Left unticked</strong> (the usual choice),
          a record you sent stays linked — and keeps syncing — even when someone in Rally moves it
          into a child project of this one.
        </p>
        <p>
          <strong>Ticked</strong>, moving a record into a child project breaks its link: Tandem
          stops updating it and stops bringing its changes back.
        </p>
        <p>
          Want most child projects excluded but a few kept? Tick this, and create a separate
          integration for each child project to keep, from the same template. Records moved into
          those projects stay linked.
        </p>
      </div>
    </div>
  );
}
