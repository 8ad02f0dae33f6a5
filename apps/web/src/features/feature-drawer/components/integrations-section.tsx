import type { FeatureDetail } from '@tandem/contracts';
import { Link2, Plug } from 'lucide-react';
import type { ReactNode } from 'react';
import { useSystemList } from '@/api/connectors/get-connectors';
import { SectionHeading } from './section-heading';

/**
 * What the page puts in the drawer: the links (`children`) and an `action` in the section, the
 * send control in the `header`, a `notice` shown at the top of the drawer (e.g. a conflict to
 * settle), and `fieldHints` under fields (e.g. "Status changes stay in Tandem").
 */
export type IntegrationsSlot = (feature: FeatureDetail) => {
  action?: ReactNode;
  header?: ReactNode;
  children?: ReactNode;
  notice?: ReactNode;
  fieldHints?: Readonly<Record<string, string>>;
};

/**
 * Where the feature's links to remote records are listed, with "Send to…".
 * `children` is that list once integrations exist; until then, an empty state.
 */
export function IntegrationsSection({
  featureId,
  action,
  children,
}: {
  featureId: string;
  action?: ReactNode;
  children?: ReactNode;
}) {
  const systems = useSystemList();
  return (
    <section aria-labelledby={`${featureId}-integrations`}>
      <SectionHeading id={`${featureId}-integrations`} icon={Plug} action={action}>
        Integrations
      </SectionHeading>
      {children ?? (
        <div className="flex items-center gap-3 rounded-lg border border-dashed border-zinc-300 px-3.5 py-3">
          <span className="flex size-8 items-center justify-center rounded-md bg-zinc-100 text-zinc-400">
            <Link2 className="size-4" aria-hidden="true" />
          </span>
          <div>
            <p className="text-[13px] font-medium text-zinc-700">
              Not linked to any integration yet
            </p>
            <p className="text-[12px] text-zinc-500">
              {`Once the workspace is connected to ${systems}, send this feature from here.`}
            </p>
          </div>
        </div>
      )}
    </section>
  );
}
