import { useConnectors } from '@/api/connectors/get-connectors';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import type { ReportView } from '../utils/report-rows';
import { STATE_LABEL } from './state-label';

export function ReportFilters({
  view,
  onChange,
}: {
  view: ReportView;
  onChange: (next: ReportView) => void;
}) {
  const connectors = useConnectors();
  return (
    <search className="flex flex-wrap items-end gap-3">
      <div className="w-64">
        <label htmlFor="report-search" className="mb-1 block text-[13px] font-medium text-zinc-700">
          Search
        </label>
        <Input
          id="report-search"
          type="search"
          placeholder="Name, workspace, account, project"
          value={view.q}
          onChange={(e) => onChange({ ...view, q: e.target.value })}
        />
      </div>
      <div className="w-56">
        <label htmlFor="report-state" className="mb-1 block text-[13px] font-medium text-zinc-700">
          State
        </label>
        <Select
          id="report-state"
          value={view.state}
          onChange={(e) => onChange({ ...view, state: e.target.value as ReportView['state'] })}
        >
          <option value="">All states</option>
          {Object.entries(STATE_LABEL).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </div>
      <div className="w-44">
        <label htmlFor="report-system" className="mb-1 block text-[13px] font-medium text-zinc-700">
          System
        </label>
        <Select
          id="report-system"
          value={view.system}
          onChange={(e) => onChange({ ...view, system: e.target.value })}
        >
          <option value="">All systems</option>
          {(connectors.data ?? []).map((c) => (
            <option key={c.system} value={c.system}>
              {c.displayName}
            </option>
          ))}
        </Select>
      </div>
    </search>
  );
}
